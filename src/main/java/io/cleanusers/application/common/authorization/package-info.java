/** Authorization: the role hierarchy and the few permission checks built on it. */
package io.cleanusers.application.common.authorization;
