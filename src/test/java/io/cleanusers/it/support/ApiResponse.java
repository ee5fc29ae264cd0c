package io.cleanusers.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** An HTTP answer as the tests read it: status, headers, body, and the session cookie. */
public record ApiResponse(HttpResponse<String> raw) {

  public int status() {
    return raw.statusCode();
  }

  public String body() {
    return raw.body();
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
      return reader.readObject();
    }
  }

  public String description() {
    return json().getString("description");
  }

  public Optional<String> header(String name) {
    return raw.headers().firstValue(name);
  }

  public List<String> setCookies() {
    return raw.headers().allValues("Set-Cookie");
  }

  /** The {@code access_token} Set-Cookie line, if the response set one. */
  public Optional<String> sessionCookie() {
    return setCookies().stream().filter(c -> c.startsWith("access_token=")).findFirst();
  }

  /** The token value of the {@code access_token} cookie this response set. */
  public String token() {
    String cookie =
        sessionCookie()
            .orElseThrow(
                () -> new AssertionError("no access_token cookie in " + status() + " " + body()));
    return cookie.substring("access_token=".length(), cookie.indexOf(';'));
  }

  @Override
  public String toString() {
    return status() + " " + body();
  }
}
