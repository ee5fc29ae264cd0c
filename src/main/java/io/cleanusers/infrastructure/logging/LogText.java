package io.cleanusers.infrastructure.logging;

/** Makes untrusted text safe for one log line: no control characters, no quotes, bounded. */
public final class LogText {

  private static final int MAX_LENGTH = 200;

  private LogText() {}

  public static String clean(String text) {
    if (text == null) {
      return "-";
    }
    String cleaned = text.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
    return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) + "..." : cleaned;
  }
}
