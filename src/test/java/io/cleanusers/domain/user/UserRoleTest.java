package io.cleanusers.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API and the database name the roles super_admin, admin and user (docs/contract/accounts.md,
 * "Roles").
 */
class UserRoleTest {

  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({"super_admin, SUPER_ADMIN", "admin, ADMIN", "user, USER"})
  void each_role_is_known_by_its_wire_name(String wireName, UserRole role) {
    assertEquals(wireName, role.wireName());
    assertEquals(Optional.of(role), UserRole.fromWireName(wireName));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADMIN", "Admin", "superadmin", "super-admin", "root", "", " user"})
  void any_other_name_is_no_role(String name) {
    assertEquals(Optional.empty(), UserRole.fromWireName(name));
  }
}
