package io.cleanusers.it.fuzz;

/**
 * Renders raw bytes so that a failure message shows a request exactly and stays short:
 * printable ASCII as is, CR and LF as {@code \r \n}, other bytes as {@code \xNN}, and a unit
 * of up to 8 bytes repeated into a run of 16 bytes or more as {@code <'{"a":' x 1000>}.
 */
final class Printable {

  private static final int MAX_UNIT = 8;
  private static final int MIN_RUN = 16;

  private Printable() {}

  static String of(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < bytes.length) {
      int bestUnit = 0;
      int bestRepeats = 0;
      for (int unit = 1; unit <= MAX_UNIT && i + unit <= bytes.length; unit++) {
        int repeats = repeats(bytes, i, unit);
        if (repeats * unit >= MIN_RUN && repeats >= 2 && repeats * unit > bestRepeats * bestUnit) {
          bestUnit = unit;
          bestRepeats = repeats;
        }
      }
      if (bestUnit > 0) {
        out.append("<'");
        for (int k = i; k < i + bestUnit; k++) {
          out.append(one(bytes[k]));
        }
        out.append("' x ").append(bestRepeats).append('>');
        i += bestUnit * bestRepeats;
      } else {
        out.append(one(bytes[i++]));
      }
    }
    return out.toString();
  }

  private static int repeats(byte[] bytes, int start, int unit) {
    int repeats = 1;
    int at = start + unit;
    while (at + unit <= bytes.length && same(bytes, start, at, unit)) {
      repeats++;
      at += unit;
    }
    return repeats;
  }

  private static boolean same(byte[] bytes, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      if (bytes[a + k] != bytes[b + k]) {
        return false;
      }
    }
    return true;
  }

  private static String one(byte b) {
    int c = b & 0xff;
    if (c == '\r') {
      return "\\r";
    } else if (c == '\n') {
      return "\\n";
    } else if (c == '\\') {
      return "\\\\";
    } else if (c >= 0x20 && c < 0x7f) {
      return String.valueOf((char) c);
    }
    return String.format("\\x%02X", c);
  }
}
