package io.cleanusers.presentation.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the OpenAPI document at {@code /openapi} as MicroProfile OpenAPI does (YAML, or JSON for
 * {@code Accept: application/json} or {@code ?format=JSON}), but the document is the one the build
 * wrote from the annotations (pom.xml) and linted, byte for byte, on every server: the servers' own
 * writers add keys OpenAPI lacks or drop required flags, so each server's configuration file turns
 * its own endpoint off.
 */
@ApplicationScoped // one instance: nothing per request to create and inject
@Path("openapi")
public class OpenApiResource {

  private static final String YAML = "application/yaml;charset=UTF-8";
  private static final String JSON = "application/json;charset=UTF-8";

  private static final byte[] YAML_DOCUMENT = read("META-INF/openapi.yaml");
  private static final byte[] JSON_DOCUMENT = read("META-INF/openapi.json");

  @GET
  @Operation(hidden = true)
  public Response document(@QueryParam("format") String format, @Context HttpHeaders headers) {
    boolean asJson =
        format != null
            ? format.equalsIgnoreCase("json")
            : headers.getAcceptableMediaTypes().stream()
                .findFirst()
                .map(
                    first ->
                        !first.isWildcardType()
                            && MediaType.APPLICATION_JSON_TYPE.isCompatible(first))
                .orElse(false);
    return asJson
        ? Response.ok(JSON_DOCUMENT, JSON).build()
        : Response.ok(YAML_DOCUMENT, YAML).build();
  }

  private static byte[] read(String path) {
    try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the WAR; the build writes it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
