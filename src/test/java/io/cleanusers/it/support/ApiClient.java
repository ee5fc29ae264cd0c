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
 * is held against the OpenAPI document ({@link ContractCheck}), unless it is a {@link
 * #asLoadDriver() load driver's}.
 */
public final class ApiClient {

  private static final HttpClient HTTP = http(HttpClient.Version.HTTP_2);
  private static final HttpClient HTTP_1_1 = http(HttpClient.Version.HTTP_1_1);

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final boolean loadDriver;

  public ApiClient(URI base) {
    this(base, null, Map.of(), DEFAULT_TIMEOUT, false);
  }

  private ApiClient(
      URI base, String token, Map<String, String> headers, Duration timeout, boolean loadDriver) {
    this.base = base;
    this.token = token;
    this.headers = headers;
    this.timeout = timeout;
    this.loadDriver = loadDriver;
  }

  /** HTTP/2 (the default) upgrades a plain-HTTP connection where the server offers it. */
  private static HttpClient http(HttpClient.Version version) {
    return HttpClient.newBuilder()
        .version(version)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The same client sending the given session token as the {@code access_token} cookie. */
  public ApiClient withToken(String sessionToken) {
    return new ApiClient(base, sessionToken, headers, timeout, loadDriver);
  }

  /** The same client sending one more header on every request. */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(base, token, more, timeout, loadDriver);
  }

  /** The same client giving up on each request after the given time (30 s by default). */
  public ApiClient withTimeout(Duration requestTimeout) {
    return new ApiClient(base, token, headers, requestTimeout, loadDriver);
  }

  /**
   * The same client as a load driver needs it (scripts/stress.sh). Without the contract check:
   * validating every exchange costs CPU that a load on a small machine takes from the server under
   * test, and a disagreement thrown in the middle of a crash would end a load worker instead of
   * being recorded. And over HTTP/1.1 only, each request in flight on a connection of its own, as a
   * crowd of simple clients sends them: by default the client upgrades to HTTP/2 where the server
   * offers it (Payara does) and multiplexes every request over that one connection.
   */
  public ApiClient asLoadDriver() {
    return new ApiClient(base, token, headers, timeout, true);
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
      var answer = (loadDriver ? HTTP_1_1 : HTTP).send(sent, BodyHandlers.ofString());
      if (!loadDriver && sent.uri().getRawPath().startsWith("/api/")) {
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
