package io.cleanusers.tools.stress;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Bodies;
import io.cleanusers.it.support.Routes;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The integration tests' {@link ApiClient} as a load driver needs it: {@link
 * ApiClient#asLoadDriver()} (no contract check, HTTP/1.1 with a connection per worker), and with
 * failures as outcomes. A refused or reset connection, or no answer within the timeout, is an
 * {@link Answer} to record (a request in doubt), not an exception; every answer carries its timing.
 */
final class LoadClient {

  private final ApiClient api;

  LoadClient(URI base, Duration timeout) {
    this.api = new ApiClient(base).withTimeout(timeout).asLoadDriver();
  }

  /** A request with a JSON body (or none, null), sending the session token (or none, null). */
  Answer send(String method, String path, String json, String token) {
    ApiClient caller = token == null ? api : api.withToken(token);
    long start = System.currentTimeMillis();
    long t0 = System.nanoTime();
    int status;
    String body = "";
    String newToken = null;
    try {
      ApiResponse response =
          caller.send(method, path, json, json == null ? null : "application/json");
      status = response.status();
      body = response.body();
      newToken = response.sessionCookie().isPresent() ? response.token() : null;
    } catch (UncheckedIOException e) {
      boolean timedOut =
          e.getCause() instanceof HttpTimeoutException
              && !(e.getCause() instanceof HttpConnectTimeoutException);
      status = timedOut ? Answer.TIMED_OUT : Answer.NO_ANSWER;
    }
    long micros = (System.nanoTime() - t0) / 1000;
    return new Answer(status, body, newToken, start, System.currentTimeMillis(), micros);
  }

  Answer login(String username, String password) {
    return send("POST", Routes.LOGIN, Bodies.credentials(username, password), null);
  }

  /** Creates a user with that role, as the caller whose token this is. */
  Answer create(String username, String password, String role, String token) {
    String body = Bodies.json("username", username, "password", password, "role", role);
    return send("POST", Routes.USERS, body, token);
  }
}
