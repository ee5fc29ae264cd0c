package io.cleanusers.application.common;

import io.cleanusers.application.common.authorization.Permissions;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.exception.UserNotFoundException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds and locks ({@code FOR UPDATE}) the user a command acts on, after the checks that
 * docs/contract/routes.md puts before the look-up, and the checks that need the target's role after
 * it.
 */
@ApplicationScoped
public class TargetUsers {

  private final UserRepository repository;

  @Inject
  public TargetUsers(UserRepository repository) {
    this.repository = repository;
  }

  /** For CDI's client proxy only. */
  protected TargetUsers() {
    this(null);
  }

  /**
   * The target of an admin action (inactivate, reactivate, change another user's password): the
   * caller manages some role (checked before the look-up, so plain users cannot probe which names
   * exist), the name is valid and exists, and the caller manages the target's role.
   */
  public User lockManaged(Caller caller, String username) {
    Permissions.requireManagesAnyone(caller);
    User target = lock(new Username(username));
    Permissions.requireManages(caller, target.role());
    return target;
  }

  /** The target of a role change (grant/revoke admin): caller is super admin, target is not one. */
  public User lockForRoleChange(Caller caller, String username) {
    Permissions.requireRole(caller, UserRole.SUPER_ADMIN);
    User target = lock(new Username(username));
    if (target.role() == UserRole.SUPER_ADMIN) {
      throw new NotAuthorizedException(
          "Changing role of user '"
              + target.username().value()
              + "' (super_admin) is not permitted.");
    }
    return target;
  }

  public User lock(Username username) {
    return repository
        .findByUsernameForUpdate(username)
        .orElseThrow(() -> new UserNotFoundException(username.value()));
  }
}
