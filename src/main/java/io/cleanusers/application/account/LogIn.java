package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.monitoring.ServiceMetrics;
import io.cleanusers.infrastructure.monitoring.ServiceMetrics.LoginOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@value #RULES} */
@ApplicationScoped
public class LogIn {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to anyone not logged in. Checks the name and password rules, refuses a "
          + "locked name before any hashing, then answers an unknown name and a wrong password "
          + "alike (a dummy hash is verified for unknown names, so both take as long). An "
          + "inactive account is told so. Success opens a new session, sets the access_token "
          + "cookie and resets the failure count.";

  @Inject SessionIdentityProvider identity;
  @Inject PasswordPolicy passwordPolicy;
  @Inject UserService users;
  @Inject UserRepository repository;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject SessionStore sessions;
  @Inject SessionTokens tokens;
  @Inject SessionCredentials credentials;
  @Inject SessionSettings settings;
  @Inject AuditTrail audit;
  @Inject ServiceMetrics metrics;
  @Inject Clock clock;

  private PasswordHash dummyHash;

  @PostConstruct
  void prepareDummyHash() {
    dummyHash = hasher.hash(passwordPolicy.accept("x".repeat(passwordPolicy.minLength())));
  }

  public void logIn(String username, String password) {
    if (identity.currentSession().isPresent()) {
      throw new AuthenticationFailures.AlreadyAuthenticated();
    }
    Username name = new Username(username);
    RawPassword secret = passwordPolicy.accept(password);
    Optional<Duration> locked = throttle.lockedFor(name.key(), clock.instant());
    if (locked.isPresent()) {
      audit.record(AuditEvent.LOGIN, "locked", AuditTrail.NOBODY, name.value());
      metrics.login(LoginOutcome.LOCKED);
      throw new AuthenticationFailures.LoginLocked(roundUp(locked.get()));
    }
    User user = verifiedUser(name, secret);
    if (!user.isActive()) {
      audit.record(AuditEvent.LOGIN, "inactive", actor(user), name.value());
      metrics.login(LoginOutcome.INACTIVE);
      throw new AuthenticationFailures.InactiveAccount();
    }
    throttle.reset(name.key());
    openSession(user);
    audit.record(AuditEvent.LOGIN, "success", actor(user), name.value());
    metrics.login(LoginOutcome.SUCCESS);
  }

  private User verifiedUser(Username name, RawPassword secret) {
    Optional<User> user = repository.findByUsername(name);
    if (user.isPresent() && users.isPasswordValid(user.get(), secret)) {
      return user.get();
    }
    if (user.isEmpty()) {
      hasher.verify(secret, dummyHash); // as slow as a real check: no timing oracle
    }
    Optional<Duration> lockout = throttle.recordFailure(name.key(), clock.instant());
    audit.record(AuditEvent.LOGIN, "bad_credentials", AuditTrail.NOBODY, name.value());
    metrics.login(LoginOutcome.BAD_CREDENTIALS);
    lockout.ifPresent(
        d -> audit.record(AuditEvent.LOGIN, "lockout_started", AuditTrail.NOBODY, name.value()));
    throw new AuthenticationFailures.InvalidCredentials();
  }

  private static String actor(User user) {
    return AuditTrail.actor(user.id(), user.username());
  }

  private void openSession(User user) {
    Instant now = clock.instant();
    AuthSession session = sessions.create(user.id(), now, now.plus(settings.ttl()));
    credentials.send(tokens.issue(session.id(), session.expiration()));
  }

  private static long roundUp(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
