package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Session tokens taken apart and forged: the session claim of a genuine token, and tokens signed
 * with any key and algorithm (each remembered for the log check, {@link Secrets#TOKENS}).
 */
public final class Jwt {

  private Jwt() {}

  /** The secret the service signs its tokens with. */
  public static String secret() {
    return TestSettings.CONFIG.session().jwtSecret();
  }

  /** The name of the token's claim that is not {@code exp}: the session id. */
  public static String sessionClaimName(String token) {
    try {
      Set<String> names = SignedJWT.parse(token).getJWTClaimsSet().getClaims().keySet();
      List<String> others = names.stream().filter(n -> !n.equals("exp")).toList();
      assertEquals(1, others.size(), "claims: " + names);
      return others.get(0);
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  public static String sessionIdOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(sessionClaimName(token));
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  /** The genuine token's session claim with another expiry. */
  public static JWTClaimsSet claimsFor(String genuine, Instant expiration) {
    return new JWTClaimsSet.Builder()
        .claim(sessionClaimName(genuine), sessionIdOf(genuine))
        .expirationTime(Date.from(expiration))
        .build();
  }

  /** The genuine token's session, with that expiry, signed with that algorithm and secret. */
  public static String forge(
      JWSAlgorithm algorithm, String secret, String genuine, Instant expiration) {
    return sign(algorithm, secret, claimsFor(genuine, expiration));
  }

  public static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      String token = jwt.serialize();
      Secrets.TOKENS.add(token);
      return token;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
