package io.cleanusers.presentation.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves Swagger UI at {@code /docs/}: the project's own page and start script, and the UI's files
 * from the {@code org.webjars:swagger-ui} jar in the WAR (no CDN).
 */
@ApplicationScoped // one instance: nothing per request to create and inject
@Path("docs")
public class DocsResource {

  private static final String OWN_FILES = "META-INF/clean-users/docs/";
  private static final String WEBJAR_FILES =
      "META-INF/resources/webjars/swagger-ui/" + buildProperty("swagger-ui.version") + "/";
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=UTF-8",
          "js", "text/javascript; charset=UTF-8",
          "css", "text/css; charset=UTF-8",
          "png", "image/png",
          "map", "application/json");

  @GET
  @Operation(hidden = true)
  public Response index() {
    return file("index.html");
  }

  @GET
  @Path("{name}")
  @Operation(hidden = true)
  public Response file(@PathParam("name") String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new NotFoundException();
    }
    InputStream own = resource(OWN_FILES + name);
    InputStream content = own != null ? own : resource(WEBJAR_FILES + name);
    if (content == null) {
      throw new NotFoundException();
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return Response.ok(content, TYPES.getOrDefault(extension, "application/octet-stream")).build();
  }

  private static InputStream resource(String path) {
    return DocsResource.class.getClassLoader().getResourceAsStream(path);
  }

  private static String buildProperty(String key) {
    try (InputStream in = resource("META-INF/clean-users/build.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
