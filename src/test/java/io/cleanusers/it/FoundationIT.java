package io.cleanusers.it;

import static io.cleanusers.it.support.ContractTexts.METHOD_NOT_ALLOWED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_FOUND;
import static io.cleanusers.it.support.ContractTexts.VALIDATION_FAILED;
import static io.cleanusers.it.support.Routes.LOGOUT;
import static io.cleanusers.it.support.Routes.ME;
import static io.cleanusers.it.support.Routes.SIGNUP;
import static io.cleanusers.it.support.Routes.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.infrastructure.persistence.SchemaMigrations;
import io.cleanusers.it.fuzz.FuzzRequest;
import io.cleanusers.it.fuzz.RawHttp;
import io.cleanusers.it.fuzz.RawResponse;
import io.cleanusers.it.fuzz.ServerQuirk;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.ApiTest;
import io.cleanusers.it.support.TestDatabase;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Docs redirect ({@code GET /}), service status ({@code GET /api/v1/}) and the HTTP conventions of
 * docs/contract/errors.md, plus docs, health and schema, over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT extends ApiTest {

  @Test
  void root_redirects_to_the_docs_without_following() {
    ApiResponse response = api.get("/");
    assertEquals(307, response.status());
    assertTrue(response.header("Location").orElseThrow().endsWith("/docs/"));
  }

  @Test
  void status_answers_with_and_without_trailing_slash() {
    for (String path : List.of("/api/v1/", "/api/v1")) {
      ApiResponse response = api.get(path);
      assertEquals(200, response.status(), path);
      assertEquals("ok", response.json().getString("status"));
      assertEquals(
          "application/json;charset=UTF-8",
          response.header("Content-Type").orElseThrow().replace(" ", ""));
    }
  }

  @Test
  void unknown_route_is_a_json_404() {
    ApiResponse response = api.get("/api/v1/no-such-thing");
    assertEquals(404, response.status());
    assertEquals(NOT_FOUND, response.description());
  }

  @Test
  void wrong_method_is_a_json_405_with_allow() {
    ApiResponse response = api.delete("/api/v1/");
    assertEquals(405, response.status());
    assertEquals(METHOD_NOT_ALLOWED, response.description());
    assertTrue(response.header("Allow").orElseThrow().contains("GET"));
  }

  @Test
  void body_that_is_not_json_is_a_415() {
    ApiResponse response = api.send("POST", SIGNUP, "username=alice", "text/plain");
    assertEquals(415, response.status());
    assertTrue(response.description().contains("application/json"));
  }

  @Test
  void body_without_content_type_is_a_415() {
    ApiResponse response = api.send("POST", SIGNUP, "{}", null);
    assertEquals(415, response.status());
  }

  @Test
  void body_over_64_kib_is_a_413() {
    String big = "{\"username\":\"" + "a".repeat(64 * 1024) + "\"}";
    ApiResponse response = api.post(SIGNUP, big);
    assertEquals(413, response.status());
    assertTrue(response.description().contains("64 KiB"));
  }

  @Test
  void json_past_the_parsers_limits_is_a_422_not_a_500() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    String longNumber = "{\"username\":1" + "0".repeat(5000) + "}";
    for (String body : List.of(deep, longNumber)) {
      ApiResponse response = api.post(SIGNUP, body);
      assertEquals(422, response.status(), response.toString());
      assertEquals(VALIDATION_FAILED, response.description());
    }
  }

  @Test
  void a_body_on_get_or_delete_reaches_the_service() {
    assertEquals(200, api.send("GET", "/api/v1/", "{}", "application/json").status());
    ApiResponse delete = api.send("DELETE", LOGOUT, "{}", "application/json");
    assertEquals(401, delete.status(), delete.toString());
    assertEquals(NOT_AUTHENTICATED, delete.description());
  }

  @Test
  void what_the_container_refuses_itself_answers_in_json_too() {
    ApiResponse response = api.get("/WEB-INF/web.xml");
    assertEquals(404, response.status());
    assertEquals(NOT_FOUND, response.description());
    assertTrue(response.header("X-Request-Id").isPresent());
    ApiResponse unknownMethod = api.send("BREW", "/api/v1/", null, null);
    assertEquals(405, unknownMethod.status(), unknownMethod.toString());
    assertEquals(METHOD_NOT_ALLOWED, unknownMethod.description());
    // The server's own endpoint: its body is the server's (JSON where its configuration file
    // can make it so), its status the contract's.
    assertEquals(405, api.send("BREW", "/metrics", null, null).status());
  }

  @Test
  void options_names_the_methods_in_allow_without_a_body() {
    ApiResponse options = api.send("OPTIONS", USERS, null, null);
    assertEquals(204, options.status(), options.toString());
    assertEquals("", options.body());
    List<String> allowed = List.of(options.header("Allow").orElse("").split(",\\s*"));
    assertTrue(allowed.containsAll(List.of("GET", "POST")), options.toString());
    assertTrue(options.header("X-Request-Id").isPresent(), options.toString());
  }

  @Test
  void every_response_carries_a_request_id_and_security_headers() {
    for (ApiResponse response : List.of(api.get("/api/v1/"), api.get("/nope"), api.delete("/"))) {
      assertTrue(response.header("X-Request-Id").isPresent(), response.toString());
      assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(null));
      assertEquals("no-store", response.header("Cache-Control").orElse(null));
      assertFalse(response.header("Server").isPresent(), "server banner");
      assertFalse(response.header("X-Powered-By").isPresent(), "powered-by banner");
    }
  }

  @Test
  void a_valid_client_request_id_is_reused_and_an_invalid_one_replaced() {
    String mine = "trace-42.abc_DEF";
    assertEquals(
        mine,
        api.withHeader("X-Request-Id", mine).get("/api/v1/").header("X-Request-Id").orElseThrow());
    String tooLong = "x".repeat(65);
    String answered =
        api.withHeader("X-Request-Id", tooLong)
            .get("/api/v1/")
            .header("X-Request-Id")
            .orElseThrow();
    assertNotEquals(tooLong, answered);
    assertNotEquals(
        "bad id",
        api.withHeader("X-Request-Id", "bad id")
            .get("/api/v1/")
            .header("X-Request-Id")
            .orElseThrow());
  }

  @Test
  void a_request_id_of_non_ascii_bytes_is_replaced_or_refused_with_an_answer() throws Exception {
    FuzzRequest request =
        new FuzzRequest(
            "obs-text",
            ME,
            "GET",
            List.of(
                "GET /api/v1/account/me HTTP/1.1",
                "Host: 127.0.0.1:" + deployed.getPort(),
                "X-Request-Id: caf\u00c3\u00a9",
                "Connection: close"),
            new byte[0],
            true);
    RawResponse response = new RawHttp(deployed.getPort()).send(request);
    if (ServerQuirk.ofServerUnderTest().contains(ServerQuirk.LISTENER_REFUSES_OBS_TEXT_HEADER)) {
      assertEquals(400, response.status(), response.toString());
      return;
    }
    assertEquals(401, response.status(), response.toString());
    assertTrue(response.bodyText().contains(NOT_AUTHENTICATED), response.toString());
    String id = response.header("X-Request-Id").orElseThrow();
    assertTrue(id.matches("[0-9a-f-]{36}"), id);
  }

  @Test
  void openapi_names_the_service_and_lists_the_routes() {
    JsonObject document = api.withHeader("Accept", "application/json").get("/openapi").json();
    assertEquals("clean-users", document.getJsonObject("info").getString("title"));
    assertFalse(document.getJsonObject("info").getString("version").isBlank());
    JsonObject paths = document.getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1"), paths.keySet().toString());
  }

  @Test
  void docs_serve_swagger_ui_from_the_war() {
    ApiResponse page = api.get("/docs/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("swagger-ui"));
    assertTrue(page.body().contains("/docs/swagger-ui-bundle.js"));
    assertEquals(200, api.get("/docs/swagger-ui-bundle.js").status());
    assertEquals(200, api.get("/docs/start.js").status());
    assertEquals(404, api.get("/docs/no-such-file.js").status());
  }

  @Test
  void readiness_is_up_while_the_database_answers() {
    ApiResponse response = api.get("/health/ready");
    assertEquals(200, response.status());
    assertEquals("UP", response.json().getString("status"));
  }

  @Test
  void the_schema_exists_after_deployment_and_migrating_again_changes_nothing() {
    for (String table : List.of("users", "auth_sessions")) {
      assertEquals(
          1,
          TestDatabase.count(
              "select count(*) from information_schema.tables where table_name = ?", table));
    }
    long columns =
        TestDatabase.count(
            "select count(*) from information_schema.columns"
                + " where table_name = 'users' and column_name in"
                + " ('id','username','password_hash','role','is_active','created_at','updated_at')");
    assertEquals(7, columns);
    long history = TestDatabase.count("select count(*) from flyway_schema_history");
    assertEquals(0, SchemaMigrations.migrate(TestDatabase.dataSource()));
    assertEquals(history, TestDatabase.count("select count(*) from flyway_schema_history"));
  }
}
