package io.cleanusers.tools.stress;

/**
 * One request's answer, or its absence ({@link #NO_ANSWER}: refused or reset; {@link #TIMED_OUT}),
 * with the session token it set (or null) and when it started and ended.
 */
record Answer(
    int status, String body, String token, long startMillis, long endMillis, long micros) {

  static final int NO_ANSWER = -1;
  static final int TIMED_OUT = -2;

  boolean answered() {
    return status > 0;
  }

  /** The status as the journal and the figures write it: a number, "no answer" or "timeout". */
  String statusText() {
    return text(status);
  }

  /** The error that ends a load whose set-up step got this answer. */
  IllegalStateException failure(String step) {
    return new IllegalStateException("set-up: " + step + " answered " + statusText() + " " + body);
  }

  static String text(int status) {
    return switch (status) {
      case NO_ANSWER -> "no answer";
      case TIMED_OUT -> "timeout";
      default -> String.valueOf(status);
    };
  }
}
