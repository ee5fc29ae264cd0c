package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.ApiTest;
import io.cleanusers.it.support.ContractCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document at {@code /openapi} is the one the build wrote and linted, byte for byte, on every
 * server, as YAML or JSON, and it says which operations need the session cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT extends ApiTest {

  private static final Path BUILT = ContractCheck.DOCUMENT;
  private static final Set<String> PUBLIC_OPERATIONS =
      Set.of("get /", "get /api/v1", "post /api/v1/account/signup", "post /api/v1/account/login");

  @Test
  void the_served_document_is_the_one_the_build_wrote() throws IOException {
    ApiResponse asJson = api.withHeader("Accept", "application/json").get("/openapi");
    assertEquals(200, asJson.status(), asJson.toString());
    assertTrue(asJson.header("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(List.of(), differences("", built(), new ObjectMapper().readTree(asJson.body())));

    ApiResponse asYaml = api.get("/openapi");
    assertEquals(200, asYaml.status(), asYaml.toString());
    assertTrue(asYaml.header("Content-Type").orElse("").startsWith("application/yaml"));
    assertEquals(Files.readString(BUILT), asYaml.body());
    assertEquals(asJson.body(), api.get("/openapi?format=JSON").body());
  }

  /** JSON pointers where the two trees differ, with both values (at most a few). */
  private static List<String> differences(String at, JsonNode expected, JsonNode actual) {
    List<String> found = new ArrayList<>();
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      names.forEach(
          name ->
              found.addAll(differences(at + "/" + name, expected.path(name), actual.path(name))));
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        found.addAll(differences(at + "/" + i, expected.get(i), actual.get(i)));
      }
    } else if (!expected.equals(actual)) {
      found.add(at + ": built " + expected + ", served " + actual);
    }
    return found.stream().limit(20).toList();
  }

  @Test
  void exactly_the_protected_operations_name_the_session_cookie() throws IOException {
    JsonNode document = built();
    assertEquals("cookie", document.at("/components/securitySchemes/session/in").asText());
    assertEquals("access_token", document.at("/components/securitySchemes/session/name").asText());
    List<String> wrong = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          String name = operation.getKey() + " " + path.getKey();
                          boolean named =
                              operation
                                  .getValue()
                                  .path("security")
                                  .toString()
                                  .equals("[{\"session\":[]}]");
                          boolean declaresNone =
                              operation.getValue().path("security").isMissingNode();
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
