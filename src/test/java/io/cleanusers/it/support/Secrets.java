package io.cleanusers.it.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh passwords, and every password and session token that went over the wire in this JVM: the
 * log check ({@code AuditLogIT}) makes sure none of them reached the server log.
 */
public final class Secrets {

  /** Every password sent (10 characters or more: shorter ones could occur by chance). */
  public static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

  /** Every session token received or forged. */
  public static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /** A fresh valid password, remembered. */
  public static String password() {
    return remember("Pw-" + Names.randomText(14));
  }

  /** Remembers a password that is long enough to be looked for. */
  public static String remember(String secret) {
    if (secret.length() >= 10) {
      PASSWORDS.add(secret);
    }
    return secret;
  }

  /** Remembers a token that is long enough to be looked for. */
  public static String rememberToken(String token) {
    if (token.length() >= 20) {
      TOKENS.add(token);
    }
    return token;
  }

  /** Remembers the token the response set (login, renewal), if any. */
  public static ApiResponse remembered(ApiResponse response) {
    response
        .sessionCookie()
        .ifPresent(
            c -> {
              String token = response.token();
              if (!token.isEmpty()) {
                TOKENS.add(token);
              }
            });
    return response;
  }
}
