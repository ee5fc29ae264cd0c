package io.cleanusers.domain.user;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three roles (docs/contract/accounts.md, "Roles"), with the names the API and the database
 * use.
 */
public enum UserRole {
  SUPER_ADMIN("super_admin"),
  ADMIN("admin"),
  USER("user");

  private final String wireName;

  UserRole(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<UserRole> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
