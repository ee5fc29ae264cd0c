package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Direct peeks at, and a few set-ups of, the service's rows: users, sessions, roles and timestamps
 * ({@link TestDatabase}). Ids are the text the API answers with, or UUIDs.
 */
public final class Rows {

  private Rows() {}

  /** Users whose name equals this one in any letter case. */
  public static long usersNamed(String name) {
    return TestDatabase.count("select count(*) from users where lower(username) = lower(?)", name);
  }

  public static void assertNoUser(String username) {
    assertEquals(0, usersNamed(username), "no user " + username);
  }

  public static long countUsers() {
    return TestDatabase.count("select count(*) from users");
  }

  public static long sessionsOf(UUID userId) {
    return TestDatabase.count("select count(*) from auth_sessions where user_id = ?", userId);
  }

  public static long sessionsOf(String userId) {
    return sessionsOf(UUID.fromString(userId));
  }

  /** Seconds until the session row expires (negative once it has). */
  public static double secondsLeft(String sessionId) {
    return ((Number)
            TestDatabase.value(
                    "select extract(epoch from expiration - now()) from auth_sessions where id = ?",
                    sessionId)
                .orElseThrow(() -> new AssertionError("no session row " + sessionId)))
        .doubleValue();
  }

  /** Makes the user inactive behind the service's back. */
  public static void deactivate(UUID userId) {
    assertEquals(1, TestDatabase.update("update users set is_active = false where id = ?", userId));
  }

  /** Makes the user a super admin behind the service's back (the API cannot). */
  public static void promoteToSuperAdmin(String userId) {
    assertEquals(
        1,
        TestDatabase.update(
            "update users set role = 'super_admin' where id = ?", UUID.fromString(userId)));
  }

  public static String role(String userId) {
    return (String) column("role", userId);
  }

  public static boolean active(String userId) {
    return (Boolean) column("is_active", userId);
  }

  public static String hash(String userId) {
    return (String) column("password_hash", userId);
  }

  public static Instant createdAt(String userId) {
    return instant(column("created_at", userId));
  }

  public static Instant updatedAt(String userId) {
    return instant(column("updated_at", userId));
  }

  /** One column (a constant name) of the user's row. */
  private static Object column(String column, String userId) {
    return TestDatabase.value(
            "select " + column + " from users where id = ?", UUID.fromString(userId))
        .orElseThrow();
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }
}
