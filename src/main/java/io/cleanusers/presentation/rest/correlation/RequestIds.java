package io.cleanusers.presentation.rest.correlation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The correlation id every response carries in {@code X-Request-Id}: the client's own when it is at
 * most 64 of {@code [A-Za-z0-9._-]}, else a new one. Chosen by {@link RequestStartFilter} for the
 * requests the WAR's filters see, and by the error page for what the container refuses itself.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** The client's id when valid, else a new one. */
  public static String idFor(String offered) {
    return offered != null && VALID.matcher(offered).matches() ? offered : newId();
  }

  /**
   * A random (version 4) UUID from the thread's own generator: a request id only correlates log
   * lines and need not be unguessable, while {@code UUID.randomUUID()} makes every request thread
   * queue on the one lock of the JDK's SecureRandom.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
    return new UUID(high, low).toString();
  }
}
