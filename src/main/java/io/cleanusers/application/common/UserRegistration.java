package io.cleanusers.application.common;

import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The one way a user comes to exist, whether they sign up, an admin creates them or the service
 * starts with its first super admin: the name and password rules are checked, and the new active
 * user is stored in the running unit of work (a name taken in any letter case is refused there).
 */
@ApplicationScoped
public class UserRegistration {

  private final PasswordPolicy passwordPolicy;
  private final UserService users;
  private final UserRepository repository;
  private final Clock clock;

  @Inject
  public UserRegistration(
      PasswordPolicy passwordPolicy, UserService users, UserRepository repository, Clock clock) {
    this.passwordPolicy = passwordPolicy;
    this.users = users;
    this.repository = repository;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected UserRegistration() {
    this(null, null, null, null);
  }

  public User register(String username, String password, UserRole role) {
    Username name = new Username(username);
    User user = users.createUser(name, passwordPolicy.accept(password), role, clock.instant());
    repository.add(user);
    return user;
  }
}
