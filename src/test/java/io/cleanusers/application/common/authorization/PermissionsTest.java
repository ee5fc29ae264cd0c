package io.cleanusers.application.common.authorization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The role hierarchy (docs/contract/accounts.md, "Role hierarchy") as a full table: super_admin
 * manages admins and users, admin manages users, user manages nobody, nobody manages a super_admin.
 * Expectations are written out, not derived.
 */
class PermissionsTest {

  private static Caller caller(UserRole role) {
    return new Caller(
        new UserId(UUID.randomUUID()), new Username("caller1"), role, Instant.EPOCH, Instant.EPOCH);
  }

  private static void expect(boolean allowed, Executable check) {
    if (allowed) {
      assertDoesNotThrow(check);
    } else {
      assertEquals(
          "Not authorized.", assertThrows(NotAuthorizedException.class, check).getMessage());
    }
  }

  @ParameterizedTest(name = "{0} acting on {1}: allowed = {2}")
  @CsvSource({
    "SUPER_ADMIN, SUPER_ADMIN, false",
    "SUPER_ADMIN, ADMIN,       true",
    "SUPER_ADMIN, USER,        true",
    "ADMIN,       SUPER_ADMIN, false",
    "ADMIN,       ADMIN,       false",
    "ADMIN,       USER,        true",
    "USER,        SUPER_ADMIN, false",
    "USER,        ADMIN,       false",
    "USER,        USER,        false",
  })
  void a_role_manages_only_the_roles_below_it(
      UserRole callerRole, UserRole target, boolean allowed) {
    expect(allowed, () -> Permissions.requireManages(caller(callerRole), target));
  }

  @ParameterizedTest(name = "{0} manages someone: {1}")
  @CsvSource({
    "SUPER_ADMIN, true",
    "ADMIN,       true",
    "USER,        false",
  })
  void only_admins_and_super_admins_manage_anyone_at_all(UserRole callerRole, boolean allowed) {
    expect(allowed, () -> Permissions.requireManagesAnyone(caller(callerRole)));
  }

  @ParameterizedTest(name = "{0} holds role {1}: {2}")
  @CsvSource({
    "SUPER_ADMIN, SUPER_ADMIN, true",
    "SUPER_ADMIN, ADMIN,       false",
    "SUPER_ADMIN, USER,        false",
    "ADMIN,       SUPER_ADMIN, false",
    "ADMIN,       ADMIN,       true",
    "ADMIN,       USER,        false",
    "USER,        SUPER_ADMIN, false",
    "USER,        ADMIN,       false",
    "USER,        USER,        true",
  })
  void a_required_role_is_met_only_by_that_exact_role(
      UserRole callerRole, UserRole required, boolean allowed) {
    expect(allowed, () -> Permissions.requireRole(caller(callerRole), required));
  }
}
