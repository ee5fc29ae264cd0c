package io.cleanusers.presentation.rest.dto;

import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.Username;
import io.cleanusers.presentation.rest.json.JsonBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of sign-up and log-in (POST /api/v1/account/signup and /api/v1/account/login). */
@Schema(name = "Credentials")
public record CredentialsRequest(
    @Schema(
            required = true,
            minLength = Username.MIN_LENGTH,
            maxLength = Username.MAX_LENGTH,
            example = "alice.smith")
        String username,
    @Schema(required = true, format = "password", maxLength = PasswordPolicy.MAX_LENGTH)
        String password) {

  public static CredentialsRequest from(JsonBody body) {
    JsonBody json = JsonBody.orMissing(body);
    CredentialsRequest request =
        new CredentialsRequest(json.requiredString("username"), json.requiredString("password"));
    json.validate();
    return request;
  }

  @Override
  public String toString() {
    return "CredentialsRequest[username=" + username + "]";
  }
}
