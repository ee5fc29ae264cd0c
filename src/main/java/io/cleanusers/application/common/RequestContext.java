package io.cleanusers.application.common;

import java.util.Optional;

/**
 * What the logs say about the request being served: its correlation id, the client's address and,
 * once known, the caller's user id. Filled in by the HTTP layer, read by log writers. One instance
 * per request ({@code io.cleanusers.setup.RequestStateProducers}).
 */
public class RequestContext {

  private String requestId = "-";
  private String clientAddress = "-";
  private String userId;
  private long startedNanos = System.nanoTime();

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  public void begin(String requestId, String clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
    this.startedNanos = System.nanoTime();
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  public void identify(String userId) {
    this.userId = userId;
  }
}
