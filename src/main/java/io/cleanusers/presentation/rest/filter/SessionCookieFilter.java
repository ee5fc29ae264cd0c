package io.cleanusers.presentation.rest.filter;

import io.cleanusers.application.account.SessionCredentials;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The {@code access_token} cookie: hands the received token to the account context and writes the
 * cookie the account context asks for (new session, renewal, log-out).
 */
@Provider
@PreMatching
@Priority(FilterOrder.SESSION_COOKIE)
public class SessionCookieFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String NAME = "access_token";

  @Inject SessionCredentials credentials;
  @Inject WebSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(NAME);
    if (cookie != null && !cookie.getValue().isEmpty()) {
      credentials.receive(cookie.getValue());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    switch (credentials.change()) {
      case SET -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(credentials.outgoing()));
      case CLEAR -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("") + "; Max-Age=0");
      case NONE -> {}
    }
  }

  private String cookie(String value) {
    return NAME
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite="
        + settings.sameSite()
        + (settings.secureCookie() ? "; Secure" : "");
  }
}
