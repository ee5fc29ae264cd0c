package io.cleanusers.it.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON text written by hand, so that bodies can carry what a JSON library would refuse to write:
 * duplicate keys, lone surrogate escapes, numbers beyond 64 bits.
 */
final class JsonText {

  private JsonText() {}

  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
              } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.append('"').toString();
  }

  /** An object from raw member texts: each entry is a key and an already-encoded value. */
  static String object(List<Map.Entry<String, String>> members) {
    return members.stream()
        .map(m -> string(m.getKey()) + ":" + m.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** Arrays or objects nested {@code depth} deep around {@code 1}. */
  static String nested(int depth, boolean objects, boolean closed) {
    String open = objects ? "{\"a\":" : "[";
    String close = objects ? "}" : "]";
    return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
  }
}
