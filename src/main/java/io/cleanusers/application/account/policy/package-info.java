/**
 * The account context's rules as plain Java, free of storage and framework: the lockout back-off,
 * when a session renews, and the equal-work password check.
 */
package io.cleanusers.application.account.policy;
