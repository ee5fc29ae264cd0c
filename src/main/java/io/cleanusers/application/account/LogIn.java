package io.cleanusers.application.account;

import io.cleanusers.application.account.policy.EqualWorkCheck;
import io.cleanusers.application.account.port.ThrottleRecord;
import io.cleanusers.application.common.port.ServiceMetrics.LoginOutcome;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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

  private final CurrentSession current;
  private final PasswordPolicy passwordPolicy;
  private final UserRepository repository;
  private final EqualWorkCheck check;
  private final LoginThrottle throttle;
  private final SessionLifecycle lifecycle;
  private final LoginReport report;

  @Inject
  public LogIn(
      CurrentSession current,
      PasswordPolicy passwordPolicy,
      UserRepository repository,
      EqualWorkCheck check,
      LoginThrottle throttle,
      SessionLifecycle lifecycle,
      LoginReport report) {
    this.current = current;
    this.passwordPolicy = passwordPolicy;
    this.repository = repository;
    this.check = check;
    this.throttle = throttle;
    this.lifecycle = lifecycle;
    this.report = report;
  }

  /** For CDI's client proxy only. */
  protected LogIn() {
    this(null, null, null, null, null, null, null);
  }

  public void logIn(String username, String password) {
    current.requireAnonymous();
    Username name = new Username(username);
    RawPassword secret = passwordPolicy.accept(password);
    ThrottleRecord record = throttle.recordOf(name);
    Optional<Duration> locked = record.lockedFor();
    if (locked.isPresent()) {
      report.anonymous(LoginOutcome.LOCKED, name);
      throw new AuthenticationFailures.LoginLocked(roundUp(locked.get()));
    }
    User user = verifiedUser(name, secret);
    if (!user.isActive()) {
      report.identified(LoginOutcome.INACTIVE, user, name);
      throw new AuthenticationFailures.InactiveAccount();
    }
    throttle.forget(name, record);
    lifecycle.open(user.id());
    report.identified(LoginOutcome.SUCCESS, user, name);
  }

  private User verifiedUser(Username name, RawPassword secret) {
    Optional<User> user = check.verify(repository.findByUsername(name), secret);
    if (user.isPresent()) {
      return user.get();
    }
    Optional<Duration> lockout = throttle.countFailure(name);
    report.anonymous(LoginOutcome.BAD_CREDENTIALS, name);
    lockout.ifPresent(started -> report.lockoutStarted(name));
    throw new AuthenticationFailures.InvalidCredentials();
  }

  private static long roundUp(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
