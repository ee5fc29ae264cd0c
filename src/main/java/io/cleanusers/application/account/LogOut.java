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
  private final Sessions sessions;
  private final AuditTrail audit;

  @Inject
  public LogOut(CurrentSession current, Sessions sessions, AuditTrail audit) {
    this.current = current;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** For CDI's client proxy only. */
  protected LogOut() {
    this(null, null, null);
  }

  public void logOut() {
    var session = current.find().orElseThrow(NotAuthenticatedException::new);
    sessions.close(session.sessionId());
    Caller caller = session.caller();
    audit.record(
        AuditEvent.LOGOUT,
        "success",
        AuditTrail.actor(caller.id(), caller.username()),
        caller.username().value());
  }
}
