package io.cleanusers.setup;

import io.cleanusers.presentation.rest.AccountResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application. It owns every path of the context root, so unknown routes, wrong methods
 * and failures all answer in the contract's JSON shape instead of a server page.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "clean-users",
            version = "replaced by the build's version (pom.xml, smallrye-open-api-maven-plugin)",
            description =
                "User accounts: sign-up, log-in with a session cookie, user administration."),
    tags = {
      @Tag(name = "General", description = "The way in to the docs, and the service's status."),
      @Tag(
          name = "Account",
          description = "Signing up, logging in and out, and the caller's" + " own account."),
      @Tag(
          name = "Users",
          description =
              "User administration, for admins and super admins;"
                  + " changing passwords, for everyone within their rights.")
    })
@SecurityScheme(
    securitySchemeName = AccountResource.SESSION_SCHEME,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    apiKeyName = "access_token",
    description =
        "The session cookie that logging in sets (HttpOnly, SameSite as configured, Lax by"
            + " default); a browser"
            + " or a client with a cookie store sends it back by itself.")
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // No generated WADL document: OPTIONS and unknown routes stay in the JSON contract.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
