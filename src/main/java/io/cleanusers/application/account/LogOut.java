package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class LogOut {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to logged-in users. Ends the current session only and clears the "
          + "access_token cookie.";

  @Inject SessionIdentityProvider identity;
  @Inject SessionStore sessions;
  @Inject SessionCredentials credentials;
  @Inject AuditTrail audit;

  public void logOut() {
    var current = identity.currentSession().orElseThrow(NotAuthenticatedException::new);
    sessions.delete(current.sessionId());
    credentials.clear();
    var caller = current.caller();
    audit.record(
        AuditEvent.LOGOUT,
        "success",
        AuditTrail.actor(caller.id(), caller.username()),
        caller.username().value());
  }
}
