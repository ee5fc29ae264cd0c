package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document at {@code /openapi} is the one the build wrote and linted, on every server, and
 * it says which operations need the session cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

  private static final Path BUILT = Path.of(System.getProperty("clean-users.openapi",
      "target/openapi/openapi.yaml"));
  /**
   * Payara 6.2025 adds a top-level "endpoints" list of its own to every document (later Payara
   * releases name it "x-endpoints"); nothing in the WAR turns it off.
   */
  private static final Set<String> SERVER_ADDITIONS = System.getProperty("it.server",
      "payara-micro").startsWith("payara") ? Set.of("endpoints") : Set.of();
  private static final Set<String> PUBLIC_OPERATIONS = Set.of("get /", "get /api/v1",
      "post /api/v1/account/signup", "post /api/v1/account/login");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL deployed;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(Deployments.loopback(deployed));
  }

  @Test
  void the_served_document_is_the_one_the_build_wrote() throws IOException {
    ApiResponse served = api.withHeader("Accept", "application/json").get("/openapi");
    assertEquals(200, served.status(), served.toString());
    ObjectNode document = (ObjectNode) new ObjectMapper().readTree(served.body());
    document.remove(SERVER_ADDITIONS);
    assertEquals(built(), document);
  }

  @Test
  void exactly_the_protected_operations_name_the_session_cookie() throws IOException {
    JsonNode document = built();
    assertEquals("cookie", document.at("/components/securitySchemes/session/in").asText());
    assertEquals("access_token",
        document.at("/components/securitySchemes/session/name").asText());
    List<String> wrong = new ArrayList<>();
    document.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(operation -> {
          String name = operation.getKey() + " " + path.getKey();
          boolean named = operation.getValue().path("security").toString()
              .equals("[{\"session\":[]}]");
          boolean declaresNone = operation.getValue().path("security").isMissingNode();
          if (PUBLIC_OPERATIONS.contains(name) ? !declaresNone : !named) {
            wrong.add(name);
          }
        }));
    assertEquals(List.of(), wrong);
    assertTrue(document.at("/paths/~1api~1v1~1account~1me/get").isObject());
  }

  private static JsonNode built() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(BUILT.toFile());
  }
}
