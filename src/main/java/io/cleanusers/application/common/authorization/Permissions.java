package io.cleanusers.application.common.authorization;

import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.domain.user.UserRole;

/** The permission checks use cases run; each throws {@link NotAuthorizedException} (403). */
public final class Permissions {

  private Permissions() {}

  /** The caller's role manages {@code role}. */
  public static void requireManages(Caller caller, UserRole role) {
    if (!RoleHierarchy.manages(caller.role(), role)) {
      throw new NotAuthorizedException();
    }
  }

  /** The caller manages some role at all (admins and super admins). */
  public static void requireManagesAnyone(Caller caller) {
    if (!RoleHierarchy.managesAnyone(caller.role())) {
      throw new NotAuthorizedException();
    }
  }

  public static void requireRole(Caller caller, UserRole role) {
    if (caller.role() != role) {
      throw new NotAuthorizedException();
    }
  }
}
