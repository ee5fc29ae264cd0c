package io.cleanusers.it.support;

import java.util.Set;
import java.util.regex.Pattern;

/** The shapes the contract fixes for values: ids, timestamps and the user record's keys. */
public final class Formats {

  /** A lowercase canonical UUID of version 7 (what the service generates). */
  public static final Pattern UUID_V7 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  /** A lowercase canonical UUID of any version. */
  public static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** An ISO-8601 UTC timestamp, up to nanoseconds. */
  public static final Pattern ISO_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|\\+00:00)");

  /** The keys of a user record (list items and own account). */
  public static final Set<String> USER_KEYS =
      Set.of("id", "username", "role", "is_active", "created_at", "updated_at");

  private Formats() {}
}
