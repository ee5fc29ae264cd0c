package io.cleanusers.infrastructure.auth;

import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;

/** A session together with what its user's row says right now: one query per request. */
record SessionUser(AuthSession session, Username username, UserRole role, boolean active) {}
