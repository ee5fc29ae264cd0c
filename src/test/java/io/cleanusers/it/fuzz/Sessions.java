package io.cleanusers.it.fuzz;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The session tokens the fuzzer sends: genuine sessions of each role (so that authorised paths get
 * fuzzed, not only the 401), and forged ones: {@code alg: none}, a foreign key, another algorithm,
 * expired, unknown session, tampered payload, garbage.
 */
public final class Sessions {

  /** What a request presents as its {@code access_token}. */
  public enum Kind {
    NONE,
    USER,
    ADMIN,
    SUPER_ADMIN,
    ALG_NONE,
    FOREIGN_KEY,
    OTHER_ALGORITHM,
    EXPIRED,
    UNKNOWN_SESSION,
    TAMPERED,
    GARBAGE
  }

  /** An account the fuzzer logs in as; never named in a fuzzed body. */
  public record Account(String username, String password) {}

  private static final Duration RENEW_AFTER = Duration.ofMinutes(2);
  private static final String FOREIGN_SECRET =
      "a-foreign-secret-that-is-long-enough-for-hs512-signatures-0123456789abcdef";
  private static final List<String> GARBAGE =
      List.of(
          "x",
          "a.b.c",
          "...",
          "null",
          "eyJhbGciOiJIUzI1NiJ9",
          "eyJhbGciOiJIUzI1NiJ9.e30.",
          "Bearer%20x",
          "%00",
          "\u00ff\u00fe",
          "eyJ" + "A".repeat(6000),
          "e30.e30.e30.e30",
          "=====",
          "eyJhbGciOiJub25lIn0.bm90IGpzb24.");

  private final ApiClient api;
  private final String jwtSecret;
  private final Map<Kind, Account> accounts = new EnumMap<>(Kind.class);
  private final Map<Kind, String> tokens = new EnumMap<>(Kind.class);
  private final Map<Kind, Instant> loggedIn = new EnumMap<>(Kind.class);

  public Sessions(
      ApiClient api, String jwtSecret, Account superAdmin, Account admin, Account user) {
    this.api = api;
    this.jwtSecret = jwtSecret;
    accounts.put(Kind.SUPER_ADMIN, superAdmin);
    accounts.put(Kind.ADMIN, admin);
    accounts.put(Kind.USER, user);
  }

  /**
   * The cookie value for {@code kind}; null for none. A {@code disposable} genuine session is a
   * fresh log-in, for a request that may end it (log-out).
   */
  public String token(Kind kind, boolean disposable, Random random) {
    return switch (kind) {
      case NONE -> null;
      case USER, ADMIN, SUPER_ADMIN -> disposable ? logIn(kind) : current(kind);
      case ALG_NONE -> unsigned(random);
      case FOREIGN_KEY -> sign(JWSAlgorithm.HS256, FOREIGN_SECRET, claims(Duration.ofMinutes(5)));
      case OTHER_ALGORITHM -> sign(JWSAlgorithm.HS512, jwtSecret, claims(Duration.ofMinutes(5)));
      case EXPIRED -> sign(JWSAlgorithm.HS256, jwtSecret, claims(Duration.ofMinutes(-1)));
      case UNKNOWN_SESSION ->
          sign(
              JWSAlgorithm.HS256,
              jwtSecret,
              new JWTClaimsSet.Builder()
                  .claim("sid", UUID.randomUUID().toString())
                  .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                  .build());
      case TAMPERED -> tampered();
      case GARBAGE -> GARBAGE.get(random.nextInt(GARBAGE.size()));
    };
  }

  /** The role's session, logged in again once it is two minutes old (TTL is five). */
  private String current(Kind kind) {
    Instant since = loggedIn.get(kind);
    if (since == null || since.plus(RENEW_AFTER).isBefore(Instant.now())) {
      tokens.put(kind, logIn(kind));
      loggedIn.put(kind, Instant.now());
    }
    return tokens.get(kind);
  }

  private String logIn(Kind kind) {
    Account account = accounts.get(kind);
    ApiResponse response =
        api.post(
            "/api/v1/account/login",
            "{\"username\":"
                + JsonText.string(account.username())
                + ",\"password\":"
                + JsonText.string(account.password())
                + "}");
    if (response.status() != 204) {
      throw new IllegalStateException("log-in of the " + kind + " account failed: " + response);
    }
    return response.token();
  }

  /** A genuine session's claims with another expiry. */
  private JWTClaimsSet claims(Duration validFor) {
    try {
      JWTClaimsSet genuine = SignedJWT.parse(current(Kind.SUPER_ADMIN)).getJWTClaimsSet();
      return new JWTClaimsSet.Builder(genuine)
          .expirationTime(Date.from(Instant.now().plus(validFor)))
          .build();
    } catch (ParseException e) {
      throw new IllegalStateException("the service's token is not a JWT", e);
    }
  }

  private String unsigned(Random random) {
    String alg = List.of("none", "None", "NONE", "nOnE").get(random.nextInt(4));
    String header = base64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
    String payload = base64(claims(Duration.ofMinutes(5)).toString());
    return header + "." + payload + (random.nextBoolean() ? "." : ".c2lnbmF0dXJl");
  }

  /** The genuine super admin token with another payload under the original signature. */
  private String tampered() {
    String[] parts = current(Kind.SUPER_ADMIN).split("\\.");
    String payload = base64(claims(Duration.ofDays(365)).toString());
    return parts[0] + "." + payload + "." + parts[2];
  }

  private static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
