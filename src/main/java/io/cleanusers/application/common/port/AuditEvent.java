package io.cleanusers.application.common.port;

import java.util.Locale;

/** The security events the audit trail records, one per use case that changes access. */
public enum AuditEvent {
  SIGNUP,
  LOGIN,
  LOGOUT,
  USER_CREATED,
  USER_INACTIVATED,
  USER_REACTIVATED,
  ADMIN_GRANTED,
  ADMIN_REVOKED,
  PASSWORD_CHANGED;

  /** The name written in the audit line, such as {@code admin_granted}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
