/**
 * The account context: signing up, logging in and out, and finding out who is calling from the
 * session the request carries. Its rules (lockout back-off, session renewal, equal-work log-in) are
 * the plain policy classes here; sessions, failure counts and tokens are reached through the ports
 * in {@code port}.
 */
package io.cleanusers.application.account;
