package io.cleanusers.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for black-box tests. It never follows redirects and never stores cookies on
 * its own: each call says which session token (if any) it sends. Every exchange on the API's routes
 * is held against the OpenAPI document ({@link ContractCheck}).
 */
public final class ApiClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final Map<String, String> headers;
  private final Duration timeout;

  public ApiClient(URI base) {
    this(base, null, Map.of(), DEFAULT_TIMEOUT);
  }

  private ApiClient(URI base, String token, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.token = token;
    this.headers = headers;
    this.timeout = timeout;
  }

  /** The same client sending the given session token as the {@code access_token} cookie. */
  public ApiClient withToken(String sessionToken) {
    return new ApiClient(base, sessionToken, headers, timeout);
  }

  /** The same client sending one more header on every request. */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(base, token, more, timeout);
  }

  /** The same client giving up on each request after the given time (30 s by default). */
  public ApiClient withTimeout(Duration requestTimeout) {
    return new ApiClient(base, token, headers, requestTimeout);
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public ApiResponse patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Any method, body and content type (null for none). */
  public ApiResponse send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    String cookie = token == null ? null : "access_token=" + token;
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    headers.forEach(request::header);
    try {
      HttpRequest sent = request.build();
      var answer = HTTP.send(sent, BodyHandlers.ofString());
      if (sent.uri().getRawPath().startsWith("/api/")) {
        ContractCheck.check(method, sent.uri(), body, contentType, cookie, answer);
      }
      return new ApiResponse(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
