package io.cleanusers.presentation.rest.filter;

import java.util.List;

/**
 * What the configuration tells the HTTP layer: the other origins allowed to send state-changing
 * requests, and the attributes of the session cookie.
 */
public record WebSettings(List<String> allowedOrigins, boolean secureCookie, String sameSite) {

  /** An unmodifiable copy: settings do not change once read. */
  public WebSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
