/**
 * The user entity, its value objects (username, password, role, id), its domain service, and the
 * ports that service needs: password hashing and id generation.
 */
package io.cleanusers.domain.user;
