package io.cleanusers.presentation.rest;

import io.cleanusers.application.account.LogIn;
import io.cleanusers.application.account.LogOut;
import io.cleanusers.application.account.SignUp;
import io.cleanusers.application.query.ShowOwnAccount;
import io.cleanusers.presentation.rest.dto.CredentialsRequest;
import io.cleanusers.presentation.rest.dto.IdResponse;
import io.cleanusers.presentation.rest.dto.UserResponse;
import io.cleanusers.presentation.rest.error.ErrorBody;
import io.cleanusers.presentation.rest.json.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own account under {@code /api/v1/account}: sign up, log in, log out, and read it
 * ({@code me}). Thin: parse, call one handler, answer.
 */
@ApplicationScoped // one instance: nothing per request to create and inject
@Path("api/v1/account")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account")
public class AccountResource {

  /** The OpenAPI security scheme every protected operation names; public ones name none. */
  public static final String SESSION_SCHEME = "session";

  private final SignUp signUp;
  private final LogIn logIn;
  private final LogOut logOut;
  private final ShowOwnAccount showOwnAccount;

  @Inject
  public AccountResource(SignUp signUp, LogIn logIn, LogOut logOut, ShowOwnAccount showOwnAccount) {
    this.signUp = signUp;
    this.logIn = logIn;
    this.logOut = logOut;
    this.showOwnAccount = showOwnAccount;
  }

  /** For CDI's proxy; public since RESTEasy (WildFly, Liberty) refuses a resource without one. */
  public AccountResource() {
    this(null, null, null, null);
  }

  @POST
  @Path("signup")
  @Operation(summary = "Sign up", description = SignUp.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CredentialsRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content = @Content(schema = @Schema(implementation = IdResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Username or password breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "403",
      description = "Already authenticated.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "Username taken.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response signUp(JsonBody body) {
    CredentialsRequest request = CredentialsRequest.from(body);
    String id = signUp.signUp(request.username(), request.password()).toString();
    return Response.status(Response.Status.CREATED).entity(new IdResponse(id)).build();
  }

  @POST
  @Path("login")
  @Operation(summary = "Log in", description = LogIn.RULES)
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CredentialsRequest.class)))
  @APIResponse(responseCode = "204", description = "Logged in; the access_token cookie is set.")
  @APIResponse(
      responseCode = "400",
      description = "Username or password breaks a rule.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "401",
      description = "Invalid credentials, or inactive account.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "403",
      description = "Already authenticated.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "429",
      description = "Too many failed attempts (Retry-After).",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response logIn(JsonBody body) {
    CredentialsRequest request = CredentialsRequest.from(body);
    logIn.logIn(request.username(), request.password());
    return Response.noContent().build();
  }

  @DELETE
  @Path("logout")
  @SecurityRequirement(name = SESSION_SCHEME)
  @Operation(summary = "Log out", description = LogOut.RULES)
  @APIResponse(responseCode = "204", description = "Logged out; the cookie is cleared.")
  @APIResponse(
      responseCode = "401",
      description = "Not authenticated.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response logOut() {
    logOut.logOut();
    return Response.noContent().build();
  }

  @GET
  @Path("me")
  @SecurityRequirement(name = SESSION_SCHEME)
  @Operation(summary = "Show my account", description = ShowOwnAccount.RULES)
  @APIResponse(
      responseCode = "200",
      description = "The caller's own record.",
      content = @Content(schema = @Schema(implementation = UserResponse.class)))
  @APIResponse(
      responseCode = "401",
      description = "Not authenticated.",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public UserResponse showOwnAccount() {
    return UserResponse.of(showOwnAccount.show());
  }
}
