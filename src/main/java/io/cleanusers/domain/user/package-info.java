/** The user entity, its value objects (username, password, role, id) and its domain service. */
package io.cleanusers.domain.user;
