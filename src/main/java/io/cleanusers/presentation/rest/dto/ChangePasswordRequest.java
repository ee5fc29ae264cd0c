package io.cleanusers.presentation.rest.dto;

import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.Username;
import io.cleanusers.presentation.rest.json.JsonBody;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of change password (PATCH /api/v1/users/change-password): whose password, the new one, and
 * the current one when it is the caller's.
 */
@Schema(name = "ChangePassword")
public record ChangePasswordRequest(
    @Schema(
            required = true,
            minLength = Username.MIN_LENGTH,
            maxLength = Username.MAX_LENGTH,
            example = "bob.jones")
        String username,
    @Schema(
            required = true,
            format = "password",
            maxLength = PasswordPolicy.MAX_LENGTH,
            description = "The new password.")
        String password,
    @Schema(
            name = "current_password",
            format = "password",
            description = "Required when changing one's own password; ignored otherwise.")
        Optional<String> currentPassword) {

  public static ChangePasswordRequest from(JsonBody body) {
    JsonBody json = JsonBody.orMissing(body);
    ChangePasswordRequest request =
        new ChangePasswordRequest(
            json.requiredString("username"),
            json.requiredString("password"),
            json.optionalString("current_password"));
    json.validate();
    return request;
  }

  @Override
  public String toString() {
    return "ChangePasswordRequest[username=" + username + "]";
  }
}
