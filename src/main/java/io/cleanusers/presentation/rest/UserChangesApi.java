package io.cleanusers.presentation.rest;

import io.cleanusers.application.command.ChangePassword;
import io.cleanusers.application.command.GrantAdmin;
import io.cleanusers.application.command.InactivateUser;
import io.cleanusers.application.command.ReactivateUser;
import io.cleanusers.application.command.RevokeAdmin;
import io.cleanusers.presentation.rest.dto.ChangePasswordRequest;
import io.cleanusers.presentation.rest.dto.UsernameRequest;
import io.cleanusers.presentation.rest.error.ErrorBody;
import io.cleanusers.presentation.rest.json.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Changing a user over HTTP (status, role, password): each operation's method, path and OpenAPI
 * description. {@link UsersResource} implements it; JAX-RS and MicroProfile OpenAPI read the
 * annotations here.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface UserChangesApi {

  @PATCH
  @Path("inactivate")
  @Operation(summary = "Inactivate a user", description = InactivateUser.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "Inactive.")
  @TargetUserRefusals
  Response inactivateUser(JsonBody body);

  @PATCH
  @Path("reactivate")
  @Operation(summary = "Reactivate a user", description = ReactivateUser.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "Active.")
  @TargetUserRefusals
  Response reactivateUser(JsonBody body);

  @PATCH
  @Path("grant")
  @Operation(summary = "Grant admin rights", description = GrantAdmin.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "The user is an admin.")
  @TargetUserRefusals
  Response grantAdmin(JsonBody body);

  @PATCH
  @Path("revoke")
  @Operation(summary = "Revoke admin rights", description = RevokeAdmin.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "The user is a plain user.")
  @TargetUserRefusals
  Response revokeAdmin(JsonBody body);

  @PATCH
  @Path("change-password")
  @Operation(summary = "Change a password", description = ChangePassword.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ChangePasswordRequest.class)))
  @APIResponse(responseCode = "204", description = "Changed; the user's other sessions ended.")
  @APIResponse(
      responseCode = "400",
      description = "Username or password breaks a rule, or current password missing.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Response changePassword(JsonBody body);

  /**
   * The 400 and 404 of an operation whose body names only its target user: the name breaks a rule,
   * or no user has it. SmallRye OpenAPI, which writes the document, reads the responses of a
   * composed annotation as if they were written on the operation (a SmallRye extension of
   * MicroProfile OpenAPI). {@link #changePassword} spells out its own: its 400 says more.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @APIResponse(
      responseCode = "400",
      description = "Username breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @interface TargetUserRefusals {}
}
