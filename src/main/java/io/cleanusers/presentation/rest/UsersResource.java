package io.cleanusers.presentation.rest;

import io.cleanusers.application.command.ChangePassword;
import io.cleanusers.application.command.CreateUser;
import io.cleanusers.application.command.GrantAdmin;
import io.cleanusers.application.command.InactivateUser;
import io.cleanusers.application.command.ReactivateUser;
import io.cleanusers.application.command.RevokeAdmin;
import io.cleanusers.application.query.ListUsers;
import io.cleanusers.presentation.rest.dto.ChangePasswordRequest;
import io.cleanusers.presentation.rest.dto.CreateUserRequest;
import io.cleanusers.presentation.rest.dto.IdResponse;
import io.cleanusers.presentation.rest.dto.ListUsersQuery;
import io.cleanusers.presentation.rest.dto.UserPageResponse;
import io.cleanusers.presentation.rest.dto.UsernameRequest;
import io.cleanusers.presentation.rest.error.ErrorBody;
import io.cleanusers.presentation.rest.json.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
public class UsersResource implements UsersApi, UserChangesApi {

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

  /** For CDI's proxy; public since RESTEasy (WildFly, Liberty) refuses a resource without one. */
  public UsersResource() {
    this(null, null, null, null, null, null, null);
  }

  @Override
  public Response createUser(JsonBody body) {
    CreateUserRequest request = CreateUserRequest.from(body);
    String id =
        createUser.create(request.username(), request.password(), request.userRole()).toString();
    return Response.status(Response.Status.CREATED).entity(new IdResponse(id)).build();
  }

  @Override
  public UserPageResponse listUsers(
      String limit, String offset, String sortingField, String sortingOrder) {
    ListUsersQuery query = ListUsersQuery.parse(limit, offset, sortingField, sortingOrder);
    return UserPageResponse.of(
        listUsers.list(query.pagination(), query.sortingField(), query.descending()),
        query.pagination());
  }

  @Override
  public Response inactivateUser(JsonBody body) {
    inactivateUser.inactivate(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @Override
  public Response reactivateUser(JsonBody body) {
    reactivateUser.reactivate(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @Override
  public Response grantAdmin(JsonBody body) {
    grantAdmin.grant(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @Override
  public Response revokeAdmin(JsonBody body) {
    revokeAdmin.revoke(UsernameRequest.from(body).username());
    return Response.noContent().build();
  }

  @Override
  public Response changePassword(JsonBody body) {
    ChangePasswordRequest request = ChangePasswordRequest.from(body);
    changePassword.change(request.username(), request.password(), request.currentPassword());
    return Response.noContent().build();
  }
}
