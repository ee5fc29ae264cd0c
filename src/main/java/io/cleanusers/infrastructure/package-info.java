/**
 * The infrastructure layer: adapters that implement the inner layers' ports with real technology
 * (JPA and SQL on PostgreSQL, Flyway, bcrypt, UUIDv7, the TOML configuration), and the auth context
 * (sessions, JWT, sign-up, log-in, log-out), which the original project also keeps outside the
 * core.
 */
package io.cleanusers.infrastructure;
