package io.cleanusers.infrastructure.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** New session ids: 256 random bits from a {@link SecureRandom}, in URL-safe Base64. */
final class SessionIds {

  private static final int ID_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
