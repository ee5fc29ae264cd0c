package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.fakes.FixedClock;
import io.cleanusers.application.fakes.InMemoryUserRepository;
import io.cleanusers.application.fakes.RecordingAuditTrail;
import io.cleanusers.application.fakes.SequentialUserIds;
import io.cleanusers.application.fakes.Wiring;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.config.LoginThrottleSettings;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.logging.RequestContext;
import java.time.Duration;
import java.time.Instant;

/**
 * One request to the auth context, in memory: users, session rows, the failure counts, the cookie,
 * a standing clock. {@link #wire} builds a use case over these fakes.
 */
final class AuthBed {

  static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  static final Duration TTL = Duration.ofMinutes(5);
  static final int MAX_FAILURES = 3;
  static final Duration LOCKOUT = Duration.ofSeconds(2);
  static final Duration MAX_LOCKOUT = Duration.ofSeconds(5);
  private static final String SECRET = "unit-test-signing-key-0123456789-abcdef";

  final FixedClock clock = new FixedClock(NOW);
  final InMemoryUserRepository repository = new InMemoryUserRepository();
  final CountingPasswordHasher hasher = new CountingPasswordHasher();
  final PasswordPolicy passwordPolicy = new PasswordPolicy(6);
  final UserService users = new UserService(hasher, new SequentialUserIds());
  final InMemorySessionStore sessions = new InMemorySessionStore(repository);
  final InMemoryLoginThrottle throttle =
      new InMemoryLoginThrottle(new LoginThrottleSettings(MAX_FAILURES, LOCKOUT, MAX_LOCKOUT));
  final SessionTokens tokens = new SessionTokens(SECRET, "HS256");
  final SessionSettings settings = new SessionSettings(SECRET, "HS256", TTL, 0.2, false, "Lax");
  final SessionCredentials credentials = new SessionCredentials();
  final RequestContext request = new RequestContext();
  final RecordingAuditTrail audit = new RecordingAuditTrail();
  final RecordingMetrics metrics = new RecordingMetrics();
  final SessionIdentityProvider identity =
      Wiring.wire(
          new SessionIdentityProvider(), credentials, tokens, sessions, settings, request, clock);

  /** The use case with its {@code @Inject} fields set to this bed's fakes. */
  <T> T wire(T useCase) {
    return Wiring.wire(
        useCase,
        identity,
        passwordPolicy,
        users,
        repository,
        hasher,
        throttle,
        sessions,
        tokens,
        credentials,
        settings,
        audit,
        metrics,
        clock);
  }

  /** A stored user whose password is {@link #passwordOf}. */
  User existing(String username, UserRole role, boolean active) {
    User made =
        users.createUser(
            new Username(username), RawPassword.offered(passwordOf(username)), role, NOW);
    User user =
        new User(
            made.id(),
            made.username(),
            made.passwordHash(),
            made.role(),
            active,
            made.createdAt(),
            made.updatedAt());
    repository.add(user);
    return user;
  }

  /** Opens a session of the user and makes this request come with its cookie. */
  String comingWithSessionOf(User user) {
    AuthSession session = sessions.create(user.id(), clock.instant(), clock.instant().plus(TTL));
    credentials.receive(tokens.issue(session.id(), session.expiration()));
    return session.id();
  }

  static String passwordOf(String username) {
    return "pw-of-" + username;
  }
}
