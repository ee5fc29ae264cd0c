package io.cleanusers.infrastructure.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session token (docs/contract/sessions.md, "Session token"): a JWT with the configured HMAC
 * algorithm, carrying only the session id and {@code exp}; anything forged, altered, unsigned, of
 * another algorithm or key, or expired is refused (empty).
 */
class JwtSessionTokensTest {

  /** 64 bytes: long enough for HS512, so only the algorithm differs between the tokens. */
  private static final String SECRET =
      "unit-test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz-4567";

  private static final String OTHER_SECRET =
      "another-signing-key-9876543210-zyxwvutsrqponmlkjihgfedcba-76543";

  private static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  private static final Instant EXPIRY = NOW.plusSeconds(300);

  private final JwtSessionTokens tokens = new JwtSessionTokens(SECRET, "HS256");

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] parts(String token) {
    return token.split("\\.", -1);
  }

  private static String signedWith(
      JWSAlgorithm algorithm, String secret, String sessionId, Instant expiry) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(algorithm),
            new JWTClaimsSet.Builder()
                .claim("sid", sessionId)
                .expirationTime(Date.from(expiry))
                .build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @Test
  void an_issued_token_gives_back_its_session_id() {
    String token = tokens.issue("session-42", EXPIRY);
    assertEquals(Optional.of("session-42"), tokens.sessionIdOf(token, NOW));
  }

  @Test
  void a_token_carries_only_the_session_id_and_its_expiry() throws Exception {
    JWTClaimsSet claims = SignedJWT.parse(tokens.issue("session-42", EXPIRY)).getJWTClaimsSet();
    assertEquals(Set.of("sid", "exp"), claims.getClaims().keySet());
    assertEquals(Date.from(EXPIRY), claims.getExpirationTime());
  }

  @Test
  void a_token_is_signed_with_hs256_by_default_configuration() throws Exception {
    assertEquals(
        JWSAlgorithm.HS256,
        SignedJWT.parse(tokens.issue("session-42", EXPIRY)).getHeader().getAlgorithm());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS384", "HS512"})
  void the_stronger_hmac_algorithms_round_trip_too(String algorithm) throws Exception {
    JwtSessionTokens configured = new JwtSessionTokens(SECRET, algorithm);
    String token = configured.issue("session-42", EXPIRY);
    assertEquals(JWSAlgorithm.parse(algorithm), SignedJWT.parse(token).getHeader().getAlgorithm());
    assertEquals(Optional.of("session-42"), configured.sessionIdOf(token, NOW));
  }

  @Test
  void a_token_is_valid_until_just_before_its_expiry() {
    String token = tokens.issue("session-42", EXPIRY);
    assertEquals(Optional.of("session-42"), tokens.sessionIdOf(token, EXPIRY.minusMillis(1)));
  }

  @Test
  void a_token_is_refused_at_its_expiry() {
    String token = tokens.issue("session-42", EXPIRY);
    assertEquals(Optional.empty(), tokens.sessionIdOf(token, EXPIRY));
  }

  @Test
  void an_expired_token_is_refused() {
    String token = tokens.issue("session-42", NOW.minusSeconds(1));
    assertEquals(Optional.empty(), tokens.sessionIdOf(token, NOW));
  }

  @Test
  void a_token_with_an_altered_payload_is_refused() {
    String[] parts = parts(tokens.issue("session-42", EXPIRY));
    String forged =
        parts[0]
            + "."
            + base64Url("{\"sid\":\"session-43\",\"exp\":" + EXPIRY.getEpochSecond() + "}")
            + "."
            + parts[2];
    assertEquals(Optional.empty(), tokens.sessionIdOf(forged, NOW));
  }

  @Test
  void a_token_whose_expiry_was_pushed_back_is_refused() {
    String[] parts = parts(tokens.issue("session-42", NOW.minusSeconds(1)));
    String forged =
        parts[0]
            + "."
            + base64Url("{\"sid\":\"session-42\",\"exp\":" + EXPIRY.getEpochSecond() + "}")
            + "."
            + parts[2];
    assertEquals(Optional.empty(), tokens.sessionIdOf(forged, NOW));
  }

  @Test
  void a_token_with_an_altered_signature_is_refused() {
    String[] parts = parts(tokens.issue("session-42", EXPIRY));
    char first = parts[2].charAt(0);
    String signature = (first == 'A' ? 'B' : 'A') + parts[2].substring(1);
    String forged = parts[0] + "." + parts[1] + "." + signature;
    assertEquals(Optional.empty(), tokens.sessionIdOf(forged, NOW));
  }

  @Test
  void a_token_without_its_signature_is_refused() {
    String[] parts = parts(tokens.issue("session-42", EXPIRY));
    assertEquals(Optional.empty(), tokens.sessionIdOf(parts[0] + "." + parts[1] + ".", NOW));
  }

  @Test
  void an_unsigned_alg_none_token_is_refused() {
    String payload = base64Url("{\"sid\":\"session-42\",\"exp\":" + EXPIRY.getEpochSecond() + "}");
    for (String header :
        new String[] {
          "{\"alg\":\"none\"}",
          "{\"alg\":\"none\",\"typ\":\"JWT\"}",
          "{\"alg\":\"None\"}",
          "{\"alg\":\"NONE\"}"
        }) {
      String unsigned = base64Url(header) + "." + payload + ".";
      assertEquals(Optional.empty(), tokens.sessionIdOf(unsigned, NOW), header);
    }
  }

  @Test
  void a_token_signed_with_hs512_is_refused_when_hs256_is_configured() throws Exception {
    String hs512 = signedWith(JWSAlgorithm.HS512, SECRET, "session-42", EXPIRY);
    assertEquals(
        Optional.of("session-42"),
        new JwtSessionTokens(SECRET, "HS512").sessionIdOf(hs512, NOW),
        "control: the same token is genuine for an HS512 configuration");
    assertEquals(Optional.empty(), tokens.sessionIdOf(hs512, NOW));
  }

  @Test
  void a_token_signed_with_hs256_is_refused_when_hs384_is_configured() throws Exception {
    String hs256 = signedWith(JWSAlgorithm.HS256, SECRET, "session-42", EXPIRY);
    assertEquals(Optional.empty(), new JwtSessionTokens(SECRET, "HS384").sessionIdOf(hs256, NOW));
  }

  @Test
  void a_token_signed_with_another_key_is_refused() {
    String foreign = new JwtSessionTokens(OTHER_SECRET, "HS256").issue("session-42", EXPIRY);
    assertEquals(Optional.empty(), tokens.sessionIdOf(foreign, NOW));
  }

  @Test
  void a_genuine_token_without_expiry_is_refused() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder().claim("sid", "session-42").build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), tokens.sessionIdOf(jwt.serialize(), NOW));
  }

  @Test
  void a_genuine_token_without_a_session_id_is_refused() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder().expirationTime(Date.from(EXPIRY)).build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), tokens.sessionIdOf(jwt.serialize(), NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9"})
  void garbage_is_refused_without_an_exception(String token) {
    assertEquals(Optional.empty(), tokens.sessionIdOf(token, NOW));
  }

  @Test
  void a_secret_shorter_than_256_bits_cannot_sign() {
    assertThrows(IllegalArgumentException.class, () -> new JwtSessionTokens("too-short", "HS256"));
  }

  @Test
  void the_token_does_not_contain_the_secret() {
    assertFalse(tokens.issue("session-42", EXPIRY).contains(SECRET));
  }
}
