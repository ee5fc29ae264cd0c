package io.cleanusers.application.account;

import java.util.Optional;

/**
 * The session token of the current request, as the HTTP layer received it, and what the response
 * must do with the cookie: set a new token (log-in, renewal) or clear it (log-out). One instance
 * per request ({@code io.cleanusers.setup.RequestStateProducers}).
 */
public class SessionCredentials {

  /** What the response does with the session cookie. */
  public enum CookieChange {
    NONE,
    SET,
    CLEAR
  }

  private String received;
  private String outgoing;
  private CookieChange change = CookieChange.NONE;

  public void receive(String token) {
    this.received = token;
  }

  public Optional<String> received() {
    return Optional.ofNullable(received);
  }

  public void send(String token) {
    this.outgoing = token;
    this.change = CookieChange.SET;
  }

  public void clear() {
    this.outgoing = null;
    this.change = CookieChange.CLEAR;
  }

  public CookieChange change() {
    return change;
  }

  /** The token to set when {@link #change()} is {@code SET}. */
  public String outgoing() {
    return outgoing;
  }
}
