package io.cleanusers.presentation.rest;

import io.cleanusers.application.command.CreateUser;
import io.cleanusers.application.query.ListUsers;
import io.cleanusers.application.query.Pagination;
import io.cleanusers.presentation.rest.dto.CreateUserRequest;
import io.cleanusers.presentation.rest.dto.IdResponse;
import io.cleanusers.presentation.rest.dto.UserPageResponse;
import io.cleanusers.presentation.rest.error.ErrorBody;
import io.cleanusers.presentation.rest.error.ValidationErrorBody;
import io.cleanusers.presentation.rest.json.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * Creating and listing users over HTTP: each operation's method, path and OpenAPI description.
 * {@link UsersResource} implements it; JAX-RS and MicroProfile OpenAPI read the annotations here.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface UsersApi {

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
  Response createUser(JsonBody body);

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
  UserPageResponse listUsers(
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
          String sortingOrder);
}
