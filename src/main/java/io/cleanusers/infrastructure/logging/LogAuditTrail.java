package io.cleanusers.infrastructure.logging;

import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.port.AuditEvent;
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

  private final RequestContext request;

  @Inject
  public LogAuditTrail(RequestContext request) {
    this.request = request;
  }

  /** For CDI's client proxy only. */
  protected LogAuditTrail() {
    this(null);
  }

  @Override
  public void record(AuditEvent event, String outcome, String actor, String target) {
    LogLine.of("audit")
        .with("event", event.wireName())
        .with("outcome", outcome)
        .withText("actor", actor)
        .withText("target", target)
        .with("request_id", request.requestId())
        .with("client", request.clientAddress())
        .log(AUDIT);
  }
}
