package io.cleanusers.setup;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.config.BootstrapSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Creates the first super admin from {@code [bootstrap]} when no user of that name exists (SPEC
 * §9). Idempotent; when two instances start together, the database's unique index lets one insert
 * win and the other's {@code UsernameTakenException} means "already there".
 */
@ApplicationScoped
public class BootstrapSuperAdmin {

  @Inject BootstrapSettings settings;
  @Inject PasswordPolicy passwordPolicy;
  @Inject UserService users;
  @Inject UserRepository repository;
  @Inject Clock clock;

  /** Returns whether a user was created. */
  @UnitOfWork
  public boolean createIfAbsent() {
    if (!settings.enabled()) {
      return false;
    }
    Username name = new Username(settings.username().orElseThrow());
    if (repository.findByUsername(name).isPresent()) {
      return false;
    }
    var password = passwordPolicy.accept(settings.password().orElseThrow());
    repository.add(users.createUser(name, password, UserRole.SUPER_ADMIN, clock.instant()));
    return true;
  }
}
