package io.cleanusers.infrastructure.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated reads of configuration keys. Each read either returns a usable value or throws
 * an {@link InvalidConfigurationException} naming the key; secret values are never repeated in the
 * message.
 */
public final class ConfigValues {

  private final ServiceConfig config;

  public ConfigValues(ServiceConfig config) {
    this.config = config;
  }

  /** MicroProfile's environment-variable name for a key. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  public Optional<String> optionalText(String key) {
    return config.value(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  public String text(String key) {
    return optionalText(key)
        .orElseThrow(() -> new InvalidConfigurationException(key, "it is missing or empty"));
  }

  public int integer(String key, int min, int max) {
    String raw = text(key);
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new InvalidConfigurationException(
        key, "'" + raw + "' is not a whole number from " + min + " to " + max);
  }

  /** A decimal in {@code (0, 1]}. */
  public double fraction(String key) {
    String raw = text(key);
    try {
      double value = Double.parseDouble(raw);
      if (value > 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        key, "'" + raw + "' is not a number greater than 0 and at most 1");
  }

  public boolean bool(String key) {
    String raw = text(key).toLowerCase(Locale.ROOT);
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new InvalidConfigurationException(key, "'" + raw + "' is not true or false");
  }

  /** One of {@code allowed}, matched ignoring case and returned as spelled in {@code allowed}. */
  public String oneOf(String key, List<String> allowed) {
    String raw = text(key);
    return allowed.stream()
        .filter(a -> a.equalsIgnoreCase(raw))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    key, "'" + raw + "' is not one of " + String.join(", ", allowed)));
  }

  public List<String> list(String key) {
    return optionalText(key).stream()
        .flatMap(v -> Arrays.stream(v.split("(?<!\\\\),")))
        .map(v -> v.replace("\\,", ",").strip())
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** A secret: required, never echoed; {@code minBytes} counts its UTF-8 bytes. */
  public String secret(String key, int minBytes) {
    String value = text(key);
    if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < minBytes) {
      throw new InvalidConfigurationException(
          key, "the value is shorter than " + minBytes + " bytes");
    }
    return value;
  }

  /** Placeholder secrets that {@code ENV = "prod"} refuses. */
  public static boolean looksLikePlaceholder(String secret) {
    String lower = secret.toLowerCase(Locale.ROOT);
    return Set.of("change-me", "changeme", "placeholder", "example", "secret", "default").stream()
        .anyMatch(lower::contains);
  }
}
