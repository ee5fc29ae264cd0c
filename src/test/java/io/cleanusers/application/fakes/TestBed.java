package io.cleanusers.application.fakes;

import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.UserChanges;
import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything an interactor needs, in memory: users, sessions, the caller, a standing clock. Each
 * test builds its interactor from these fakes.
 */
public final class TestBed {

  public static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
  public static final int MIN_PASSWORD_LENGTH = 6;

  public final FixedClock clock = new FixedClock(START);
  public final InMemoryUserRepository repository = new InMemoryUserRepository();
  public final FakeIdentityProvider identity = new FakeIdentityProvider();
  public final RecordingAccessRevoker revoker = new RecordingAccessRevoker();
  public final RecordingAuditTrail audit = new RecordingAuditTrail();
  public final FakePasswordHasher hasher = new FakePasswordHasher();
  public final PasswordPolicy passwordPolicy = new PasswordPolicy(MIN_PASSWORD_LENGTH);
  public final UserService users = new UserService(hasher, new SequentialUserIds());
  public final FakeUserReader reader = new FakeUserReader();
  public final TargetUsers targets = new TargetUsers(repository);
  public final UserChanges changes = new UserChanges(repository, audit);
  public final UserRegistration registration =
      new UserRegistration(passwordPolicy, users, repository, clock);

  /** An active user stored at {@link #START}, whose password is {@link #passwordOf}. */
  public User existing(String username, UserRole role) {
    User user =
        users.createUser(
            new Username(username),
            RawPassword.offered(passwordOf(username)),
            role,
            clock.instant());
    repository.add(user);
    return user;
  }

  /** An inactive user stored at {@link #START}, added as such (no update is recorded). */
  public User existingInactive(String username, UserRole role) {
    User made =
        users.createUser(
            new Username(username),
            RawPassword.offered(passwordOf(username)),
            role,
            clock.instant());
    User inactive =
        new User(
            made.id(),
            made.username(),
            made.passwordHash(),
            made.role(),
            false,
            made.createdAt(),
            made.updatedAt());
    repository.add(inactive);
    return inactive;
  }

  public static String passwordOf(String username) {
    return "pw-of-" + username;
  }

  /** Makes the user the caller, coming with a session of their own that is the current one. */
  public Caller callAs(User user) {
    Caller caller =
        new Caller(user.id(), user.username(), user.role(), user.createdAt(), user.updatedAt());
    identity.callAs(caller);
    revoker.useAsCurrent(revoker.openSession(user.id()));
    return caller;
  }

  /** Moves the clock on, so that a write shows up as a new {@code updatedAt}. */
  public Instant later() {
    return clock.advance(Duration.ofMinutes(7));
  }

  /** How the audit trail names this stored user as an actor. */
  public String actorOf(String username) {
    User user = stored(username);
    return AuditTrail.actor(user.id(), user.username());
  }

  public User stored(String username) {
    return repository.stored(username).orElseThrow();
  }

  public boolean passwordVerifies(String username, String password) {
    PasswordHash hash = stored(username).passwordHash();
    return hasher.verify(RawPassword.offered(password), hash);
  }
}
