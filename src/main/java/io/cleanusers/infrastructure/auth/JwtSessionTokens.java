package io.cleanusers.infrastructure.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.application.account.port.SessionTokens;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The session token as a JWT signed with HMAC carrying only the session id ({@code sid}) and {@code
 * exp}. A token is accepted only with the configured algorithm, a valid signature, and an expiry in
 * the future.
 */
public final class JwtSessionTokens implements SessionTokens {

  private static final String SESSION_ID = "sid";

  private final JWSAlgorithm algorithm;
  private final MACSigner signer;
  private final MACVerifier verifier;

  public JwtSessionTokens(String secret, String algorithm) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    this.algorithm = JWSAlgorithm.parse(algorithm);
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("JWT secret too short for " + algorithm, e);
    }
  }

  @Override
  public String issue(String sessionId, Instant expiration) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim(SESSION_ID, sessionId)
            .expirationTime(Date.from(expiration))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a session token", e);
    }
    return jwt.serialize();
  }

  @Override
  public Optional<String> sessionIdOf(String token, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!algorithm.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiration = claims.getExpirationTime();
      if (expiration == null || !expiration.toInstant().isAfter(now)) {
        return Optional.empty();
      }
      return Optional.ofNullable(claims.getStringClaim(SESSION_ID));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
