package io.cleanusers.setup;

import io.cleanusers.application.account.CurrentSession;
import io.cleanusers.application.account.SessionCredentials;
import io.cleanusers.application.account.SessionLifecycle;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionTokens;
import io.cleanusers.application.common.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The state each request keeps, one instance per request, made here with {@code new}. As managed
 * beans, each of their instances went through the server's resource-injection services, which on
 * Payara cost a tenth of the CPU of {@code /account/me} for three classes that have nothing to
 * inject (docs/benchmarks.md, "What the profiles changed").
 */
@ApplicationScoped
public class RequestStateProducers {

  @Produces
  @RequestScoped
  RequestContext requestContext() {
    return new RequestContext();
  }

  @Produces
  @RequestScoped
  SessionCredentials sessionCredentials() {
    return new SessionCredentials();
  }

  @Produces
  @RequestScoped
  CurrentSession currentSession(
      SessionCredentials credentials,
      SessionTokens tokens,
      SessionStore store,
      SessionLifecycle lifecycle,
      RequestContext request,
      Clock clock) {
    return new CurrentSession(credentials, tokens, store, lifecycle, request, clock);
  }
}
