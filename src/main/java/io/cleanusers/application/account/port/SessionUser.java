package io.cleanusers.application.account.port;

import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;

/** A session together with what its user's row says right now: one lookup per request. */
public record SessionUser(
    AuthSession session,
    Username username,
    UserRole role,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
