package io.cleanusers.presentation.rest.dto;

import io.cleanusers.presentation.rest.json.JsonBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of sign-up and log-in (R3, R4). */
@Schema(name = "Credentials")
public record CredentialsRequest(
    @Schema(required = true, example = "alice.smith") String username,
    @Schema(required = true, format = "password") String password) {

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
