package io.cleanusers.application.account;

import io.cleanusers.application.account.policy.EqualWorkCheck;
import io.cleanusers.application.account.policy.LockoutPolicy;
import io.cleanusers.application.account.policy.RenewalPolicy;
import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.fakes.CountingPasswordHasher;
import io.cleanusers.application.fakes.FakeUnitOfWork;
import io.cleanusers.application.fakes.FixedClock;
import io.cleanusers.application.fakes.InMemoryLoginAttempts;
import io.cleanusers.application.fakes.InMemorySessionStore;
import io.cleanusers.application.fakes.InMemoryUserRepository;
import io.cleanusers.application.fakes.RecordingAuditTrail;
import io.cleanusers.application.fakes.RecordingMetrics;
import io.cleanusers.application.fakes.SequentialUserIds;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.auth.JwtSessionTokens;
import java.time.Duration;
import java.time.Instant;

/**
 * One request to the account context over the ports' fakes: users, session rows, failure counts,
 * the cookie, a standing clock. The policies are the real ones: a name locks after 3 failures for 2
 * s (5 s at most), and a 5 min session renews in its last minute.
 */
public final class AuthBed {

  public static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  public static final Duration TTL = Duration.ofMinutes(5);
  public static final Duration RENEW_BELOW = Duration.ofMinutes(1);
  public static final int MAX_FAILURES = 3;
  public static final Duration LOCKOUT = Duration.ofSeconds(2);
  public static final Duration MAX_LOCKOUT = Duration.ofSeconds(5);
  public static final String SECRET = "unit-test-signing-key-0123456789-abcdef";

  public final FixedClock clock = new FixedClock(NOW);
  public final InMemoryUserRepository repository = new InMemoryUserRepository();
  public final CountingPasswordHasher hasher = new CountingPasswordHasher();
  public final PasswordPolicy passwordPolicy = new PasswordPolicy(6);
  public final UserService users = new UserService(hasher, new SequentialUserIds());
  public final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
  public final InMemorySessionStore sessions = new InMemorySessionStore(repository, unitOfWork);
  public final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();
  public final JwtSessionTokens tokens = new JwtSessionTokens(SECRET, "HS256");
  public final SessionCredentials credentials = new SessionCredentials();
  public final RequestContext request = new RequestContext();
  public final RecordingAuditTrail audit = new RecordingAuditTrail();
  public final RecordingMetrics metrics = new RecordingMetrics();
  public final SessionLifecycle lifecycle =
      new SessionLifecycle(
          sessions, tokens, credentials, new RenewalPolicy(TTL, RENEW_BELOW), clock);
  public final CurrentSession current =
      new CurrentSession(credentials, tokens, sessions, lifecycle, request, clock);

  public LogIn logIn() {
    return new LogIn(
        current,
        passwordPolicy,
        repository,
        new EqualWorkCheck(hasher, passwordPolicy),
        new LoginThrottle(attempts, new LockoutPolicy(MAX_FAILURES, LOCKOUT, MAX_LOCKOUT), clock),
        lifecycle,
        new LoginReport(audit, metrics));
  }

  public SignUp signUp() {
    return new SignUp(
        current, new UserRegistration(passwordPolicy, users, repository, clock), audit, metrics);
  }

  public LogOut logOut() {
    return new LogOut(current, lifecycle, audit);
  }

  /** A stored user whose password is {@link #passwordOf}. */
  public User existing(String username, UserRole role, boolean active) {
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
  public String comingWithSessionOf(User user) {
    AuthSession session = sessions.create(user.id(), clock.instant(), clock.instant().plus(TTL));
    credentials.receive(tokens.issue(session.id(), session.expiration()));
    return session.id();
  }

  public static String passwordOf(String username) {
    return "pw-of-" + username;
  }
}
