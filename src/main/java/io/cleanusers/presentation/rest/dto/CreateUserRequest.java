package io.cleanusers.presentation.rest.dto;

import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import io.cleanusers.presentation.rest.json.JsonBody;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of create user (POST /api/v1/users): name, password and role ({@code user} when absent). */
@Schema(name = "CreateUser")
public record CreateUserRequest(
    @Schema(
            required = true,
            minLength = Username.MIN_LENGTH,
            maxLength = Username.MAX_LENGTH,
            example = "bob.jones")
        String username,
    @Schema(required = true, format = "password", maxLength = PasswordPolicy.MAX_LENGTH)
        String password,
    @Schema(
            enumeration = {"user", "admin", "super_admin"},
            defaultValue = "user")
        String role) {

  private static final List<String> ROLES =
      Arrays.stream(UserRole.values()).map(UserRole::wireName).toList();

  public static CreateUserRequest from(JsonBody body) {
    JsonBody json = JsonBody.orMissing(body);
    CreateUserRequest request =
        new CreateUserRequest(
            json.requiredString("username"),
            json.requiredString("password"),
            json.optionalChoice("role", ROLES).orElse(UserRole.USER.wireName()));
    json.validate();
    return request;
  }

  public UserRole userRole() {
    return UserRole.fromWireName(role).orElseThrow();
  }

  @Override
  public String toString() {
    return "CreateUserRequest[username=" + username + ", role=" + role + "]";
  }
}
