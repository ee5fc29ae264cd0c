package io.cleanusers.infrastructure.logging;

/**
 * Makes untrusted text safe for one log line: no control characters, no quotes, bounded. It runs
 * for every access-log line, so text that is already safe comes back as it is, without a copy.
 */
public final class LogText {

  private static final int MAX_LENGTH = 200;

  private LogText() {}

  public static String clean(String text) {
    if (text == null) {
      return "-";
    }
    boolean cut = text.length() > MAX_LENGTH;
    String bounded = cut ? text.substring(0, MAX_LENGTH) : text;
    char[] safe = null;
    for (int i = 0; i < bounded.length(); i++) {
      if (unsafe(bounded.charAt(i))) {
        if (safe == null) {
          safe = bounded.toCharArray();
        }
        safe[i] = '?';
      }
    }
    String cleaned = safe == null ? bounded : new String(safe);
    return cut ? cleaned + "..." : cleaned;
  }

  /** ASCII control characters (as {@code \p{Cntrl}}), the quote and the backslash. */
  private static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7F || c == '"' || c == '\\';
  }
}
