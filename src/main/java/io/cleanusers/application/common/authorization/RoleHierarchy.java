package io.cleanusers.application.common.authorization;

import io.cleanusers.domain.user.UserRole;
import java.util.Map;
import java.util.Set;

/**
 * Which roles each role manages (docs/contract/accounts.md, "Role hierarchy"): super_admin manages
 * admins and users, admin manages users, user manages nobody. Nobody manages a super_admin.
 */
public final class RoleHierarchy {

  private static final Map<UserRole, Set<UserRole>> SUBORDINATES =
      Map.of(
          UserRole.SUPER_ADMIN, Set.of(UserRole.ADMIN, UserRole.USER),
          UserRole.ADMIN, Set.of(UserRole.USER),
          UserRole.USER, Set.of());

  private RoleHierarchy() {}

  public static boolean manages(UserRole manager, UserRole managed) {
    return SUBORDINATES.get(manager).contains(managed);
  }

  public static boolean managesAnyone(UserRole manager) {
    return !SUBORDINATES.get(manager).isEmpty();
  }
}
