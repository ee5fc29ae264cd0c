package io.cleanusers.infrastructure.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sessions, their tokens and their cookie ({@code [security.auth]}, {@code [security.cookies]}).
 */
public record SessionSettings(
    String jwtSecret,
    String jwtAlgorithm,
    Duration ttl,
    double refreshThreshold,
    boolean secureCookie,
    String sameSite) {

  /** The HMAC key length each algorithm needs (RFC 7518 §3.2). */
  private static final Map<String, Integer> KEY_BYTES =
      Map.of("HS256", 32, "HS384", 48, "HS512", 64);

  static SessionSettings read(ConfigValues values) {
    String algorithm =
        values.oneOf("security.auth.JWT_ALGORITHM", List.of("HS256", "HS384", "HS512"));
    String sameSite = values.oneOf("security.cookies.SAMESITE", List.of("Strict", "Lax", "None"));
    boolean secure = values.bool("security.cookies.SECURE");
    if (sameSite.equals("None") && !secure) {
      throw new InvalidConfigurationException(
          "security.cookies.SAMESITE", "'None' requires security.cookies.SECURE = true");
    }
    return new SessionSettings(
        values.secret("security.auth.JWT_SECRET", KEY_BYTES.get(algorithm)),
        algorithm,
        Duration.ofMinutes(values.integer("security.auth.SESSION_TTL_MIN", 1, 525_600)),
        values.fraction("security.auth.SESSION_REFRESH_THRESHOLD"),
        secure,
        sameSite);
  }

  /**
   * Below this remaining lifetime a session is renewed (docs/contract/sessions.md, "Session
   * renewal").
   */
  public Duration refreshBelow() {
    return Duration.ofMillis((long) (ttl.toMillis() * refreshThreshold));
  }

  @Override
  public String toString() {
    return "SessionSettings["
        + jwtAlgorithm
        + ", ttl="
        + ttl
        + ", refreshThreshold="
        + refreshThreshold
        + ", secure="
        + secureCookie
        + ", sameSite="
        + sameSite
        + "]";
  }
}
