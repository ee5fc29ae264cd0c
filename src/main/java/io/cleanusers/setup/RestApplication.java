package io.cleanusers.setup;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The JAX-RS application. It owns every path of the context root, so unknown routes, wrong
 * methods and failures all answer in the contract's JSON shape instead of a server page.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info = @Info(
        title = "clean-users",
        version = "1.0.0",
        description = "User accounts: sign-up, log-in with a session cookie, user administration."))
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // No generated WADL document: OPTIONS and unknown routes stay in the JSON contract.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
