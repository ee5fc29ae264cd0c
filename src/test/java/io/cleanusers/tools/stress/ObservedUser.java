package io.cleanusers.tools.stress;

import java.util.Set;

/**
 * What the verifier found of one user, by the journal's field names: its row (role, active, or
 * none), whether a session is in auth_sessions, and which password logs it in.
 */
final class ObservedUser {

  private final String role;
  private final Boolean active;
  private final Set<String> sessions;
  private final String workingPassword;

  /**
   * A user whose row has that role and activity, or that has no row (both null); {@code sessions}
   * holds every session id in the database; {@code workingPassword} is null when none works.
   */
  ObservedUser(String role, Boolean active, Set<String> sessions, String workingPassword) {
    this.role = role;
    this.active = active;
    this.sessions = sessions;
    this.workingPassword = workingPassword;
  }

  /** The value a journal field has now: what an entry's {@code sets} is compared with. */
  String value(String field) {
    if (field.startsWith("session:")) {
      return sessions.contains(field.substring("session:".length())) ? "present" : "absent";
    }
    boolean exists = role != null;
    return switch (field) {
      case "exists" -> String.valueOf(exists);
      case "role" -> exists ? role : "(no row)";
      case "active" -> exists ? String.valueOf(active) : "(no row)";
      case "password" -> workingPassword == null ? "(none works)" : workingPassword;
      default -> throw new IllegalArgumentException("no journal field " + field);
    };
  }
}
