package io.cleanusers.application.account;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class LogOut {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to logged-in users. Ends the current session only and clears the "
          + "access_token cookie.";

  private final CurrentSession current;
  private final SessionLifecycle lifecycle;
  private final AuditTrail audit;

  @Inject
  public LogOut(CurrentSession current, SessionLifecycle lifecycle, AuditTrail audit) {
    this.current = current;
    this.lifecycle = lifecycle;
    this.audit = audit;
  }

  /** For CDI's client proxy only. */
  protected LogOut() {
    this(null, null, null);
  }

  public void logOut() {
    var session = current.find().orElseThrow(NotAuthenticatedException::new);
    lifecycle.close(session.sessionId());
    Caller caller = session.caller();
    audit.record(
        AuditEvent.LOGOUT,
        "success",
        AuditTrail.actor(caller.id(), caller.username()),
        caller.username().value());
  }
}
