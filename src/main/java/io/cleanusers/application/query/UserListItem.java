package io.cleanusers.application.query;

import java.time.Instant;
import java.util.UUID;

/** One row of the user list: exactly the columns it shows. */
public record UserListItem(
    UUID id, String username, String role, boolean active, Instant createdAt, Instant updatedAt) {}
