package io.cleanusers.infrastructure.logging;

import io.cleanusers.application.common.port.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Writes audit events as single log lines on the {@code io.cleanusers.audit} logger, with the
 * request's id and client address. Values are sanitised so user input cannot forge a line.
 */
@ApplicationScoped
public class LogAuditTrail implements AuditTrail {

  private static final Logger AUDIT = Logger.getLogger("io.cleanusers.audit");

  @Inject RequestContext request;

  @Override
  public void record(String event, String outcome, String actor, String target) {
    AUDIT.info(() -> "audit event=" + event + " outcome=" + outcome
        + " actor=\"" + LogText.clean(actor) + "\" target=\"" + LogText.clean(target)
        + "\" request_id=" + request.requestId() + " client=" + request.clientAddress());
  }
}
