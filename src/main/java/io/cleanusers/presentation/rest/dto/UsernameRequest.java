package io.cleanusers.presentation.rest.dto;

import io.cleanusers.domain.user.Username;
import io.cleanusers.presentation.rest.json.JsonBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of inactivate, reactivate, grant and revoke admin (PATCH /api/v1/users/...): the target. */
@Schema(name = "TargetUser")
public record UsernameRequest(
    @Schema(
            required = true,
            minLength = Username.MIN_LENGTH,
            maxLength = Username.MAX_LENGTH,
            example = "bob.jones")
        String username) {

  public static UsernameRequest from(JsonBody body) {
    JsonBody json = JsonBody.orMissing(body);
    UsernameRequest request = new UsernameRequest(json.requiredString("username"));
    json.validate();
    return request;
  }
}
