package io.cleanusers.setup;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.config.BootstrapSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the first super admin from {@code [bootstrap]} when no user of that name exists.
 * Idempotent; when two instances start together, the database's unique index lets one insert win
 * and the other's {@code UsernameTakenException} means "already there".
 */
@ApplicationScoped
public class BootstrapSuperAdmin {

  private final BootstrapSettings settings;
  private final UserRepository repository;
  private final UserRegistration registration;

  @Inject
  public BootstrapSuperAdmin(
      BootstrapSettings settings, UserRepository repository, UserRegistration registration) {
    this.settings = settings;
    this.repository = repository;
    this.registration = registration;
  }

  /** For CDI's client proxy only. */
  protected BootstrapSuperAdmin() {
    this(null, null, null);
  }

  /** Returns whether a user was created. */
  @UnitOfWork
  public boolean createIfAbsent() {
    if (!settings.enabled()) {
      return false;
    }
    String username = settings.username().orElseThrow();
    if (repository.findByUsername(new Username(username)).isPresent()) {
      return false;
    }
    registration.register(username, settings.password().orElseThrow(), UserRole.SUPER_ADMIN);
    return true;
  }
}
