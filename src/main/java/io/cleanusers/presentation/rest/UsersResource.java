package io.cleanusers.presentation.rest;

import io.cleanusers.application.command.ChangePassword;
import io.cleanusers.application.command.CreateUser;
import io.cleanusers.application.command.GrantAdmin;
import io.cleanusers.application.command.InactivateUser;
import io.cleanusers.application.command.ReactivateUser;
import io.cleanusers.application.command.RevokeAdmin;
import io.cleanusers.application.query.ListUsers;
import io.cleanusers.application.query.Pagination;
import io.cleanusers.presentation.rest.dto.ChangePasswordRequest;
import io.cleanusers.presentation.rest.dto.CreateUserRequest;
import io.cleanusers.presentation.rest.dto.IdResponse;
import io.cleanusers.presentation.rest.dto.ListUsersQuery;
import io.cleanusers.presentation.rest.dto.UserPageResponse;
import io.cleanusers.presentation.rest.dto.UsernameRequest;
import io.cleanusers.presentation.rest.error.ErrorBody;
import io.cleanusers.presentation.rest.error.ValidationErrorBody;
import io.cleanusers.presentation.rest.json.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * User administration under {@code /api/v1/users}: create, list, inactivate, reactivate, grant and
 * revoke admin, change password. Thin: parse, call one interactor, answer.
 */
@ApplicationScoped // one instance: nothing per request to create and inject
@Path("api/v1/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = AccountResource.SESSION_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "Not authenticated.",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "403",
    description = "Not authorized.",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class UsersResource {

  private final CreateUser createUser;
  private final ListUsers listUsers;
  private final InactivateUser inactivateUser;
  private final ReactivateUser reactivateUser;
  private final GrantAdmin grantAdmin;
  private final RevokeAdmin revokeAdmin;
  private final ChangePassword changePassword;

  @Inject
  public UsersResource(
      CreateUser createUser,
      ListUsers listUsers,
      InactivateUser inactivateUser,
      ReactivateUser reactivateUser,
      GrantAdmin grantAdmin,
      RevokeAdmin revokeAdmin,
      ChangePassword changePassword) {
    this.createUser = createUser;
    this.listUsers = listUsers;
    this.inactivateUser = inactivateUser;
    this.reactivateUser = reactivateUser;
    this.grantAdmin = grantAdmin;
    this.revokeAdmin = revokeAdmin;
    this.changePassword = changePassword;
  }

  /** For CDI's client proxy only. */
  protected UsersResource() {
    this(null, null, null, null, null, null, null);
  }

  @POST
  @Operation(summary = "Create a user", description = CreateUser.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CreateUserRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content = @Content(schema = @Schema(implementation = IdResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Username or password breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "Username taken.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response createUser(JsonBody body) {
    CreateUserRequest request = CreateUserRequest.from(body);
    String id =
        createUser.create(request.username(), request.password(), request.userRole()).toString();
    return Response.status(Response.Status.CREATED).entity(new IdResponse(id)).build();
  }

  @GET
  @Operation(summary = "List users", description = ListUsers.RULES)
  @APIResponse(
      responseCode = "200",
      description = "A page of users.",
      content = @Content(schema = @Schema(implementation = UserPageResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid sorting field.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "422",
      description = "limit, offset or sorting_order malformed.",
      content = @Content(schema = @Schema(implementation = ValidationErrorBody.class)))
  public UserPageResponse listUsers(
      @Parameter(
              description = "Page size.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + Pagination.MAX_LIMIT,
                      defaultValue = "20"))
          @QueryParam("limit")
          String limit,
      @Parameter(
              description = "Rows to skip.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int64",
                      minimum = "0",
                      defaultValue = "0"))
          @QueryParam("offset")
          String offset,
      @Parameter(
              description =
                  "id, username, role, is_active, created_at or updated_at;" + " default username")
          @QueryParam("sorting_field")
          String sortingField,
      @Parameter(
              description = "ASC or DESC, in any letter case; empty means ASC.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      pattern = "^([Aa][Ss][Cc]|[Dd][Ee][Ss][Cc])?$",
                      defaultValue = "ASC"))
          @QueryParam("sorting_order")
          String sortingOrder) {
    ListUsersQuery query = ListUsersQuery.parse(limit, offset, sortingField, sortingOrder);
    return UserPageResponse.of(
        listUsers.list(query.pagination(), query.sortingField(), query.descending()),
        query.pagination());
  }

  @PATCH
  @Path("inactivate")
  @Operation(summary = "Inactivate a user", description = InactivateUser.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "Inactive.")
  @APIResponse(
      responseCode = "400",
      description = "Username breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response inactivateUser(JsonBody body) {
    inactivateUser.inactivate(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @PATCH
  @Path("reactivate")
  @Operation(summary = "Reactivate a user", description = ReactivateUser.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "Active.")
  @APIResponse(
      responseCode = "400",
      description = "Username breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response reactivateUser(JsonBody body) {
    reactivateUser.reactivate(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @PATCH
  @Path("grant")
  @Operation(summary = "Grant admin rights", description = GrantAdmin.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "The user is an admin.")
  @APIResponse(
      responseCode = "400",
      description = "Username breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response grantAdmin(JsonBody body) {
    grantAdmin.grant(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @PATCH
  @Path("revoke")
  @Operation(summary = "Revoke admin rights", description = RevokeAdmin.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UsernameRequest.class)))
  @APIResponse(responseCode = "204", description = "The user is a plain user.")
  @APIResponse(
      responseCode = "400",
      description = "Username breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such user.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response revokeAdmin(JsonBody body) {
    revokeAdmin.revoke(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

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
  public Response changePassword(JsonBody body) {
    ChangePasswordRequest request = ChangePasswordRequest.from(body);
    changePassword.change(request.username(), request.password(), request.currentPassword());
    return Response.noContent().build();
  }
}
