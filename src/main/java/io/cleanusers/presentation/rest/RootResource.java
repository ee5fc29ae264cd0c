package io.cleanusers.presentation.rest;

import io.cleanusers.presentation.rest.dto.StatusResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Docs redirect ({@code GET /}) and service status ({@code GET /api/v1/}): the way in to the docs,
 * and a liveness answer that never touches the database.
 */
@ApplicationScoped // one instance: nothing per request to create and inject
@Path("/")
@Tag(name = "General")
public class RootResource {

  @GET
  @Operation(summary = "Redirect to the API documentation")
  @APIResponse(responseCode = "307", description = "Redirect to /docs/")
  public Response redirectToDocs() {
    return Response.temporaryRedirect(URI.create("/docs/")).build();
  }

  @GET
  @Path("api/v1")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Service status", description = "Answers without touching the database.")
  @APIResponse(responseCode = "200", description = "The service is up.")
  public StatusResponse status() {
    return new StatusResponse("ok");
  }
}
