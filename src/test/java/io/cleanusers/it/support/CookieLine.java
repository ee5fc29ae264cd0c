package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One Set-Cookie line: name, value, and attributes (names lower-cased). */
public record CookieLine(String name, String value, Map<String, String> attributes) {

  public CookieLine {
    attributes = Map.copyOf(attributes);
  }

  public static CookieLine parse(String header) {
    String[] parts = header.split(";");
    String pair = parts[0].trim();
    int eq = pair.indexOf('=');
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int at = part.indexOf('=');
      String key = (at < 0 ? part : part.substring(0, at)).trim().toLowerCase(Locale.ROOT);
      String value = at < 0 ? "" : part.substring(at + 1).trim();
      assertFalse(attributes.containsKey(key), "attribute twice in " + header);
      attributes.put(key, value);
    }
    return new CookieLine(pair.substring(0, eq), pair.substring(eq + 1), attributes);
  }
}
