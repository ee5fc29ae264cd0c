package io.cleanusers.infrastructure.logging;

import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.port.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Access lines on the {@code io.cleanusers.access} logger: method, path, status, duration, request
 * id and the caller's user id when known. The path is sanitised so input cannot forge a line.
 */
@ApplicationScoped
public class LogAccessLog implements AccessLog {

  private static final Logger ACCESS = Logger.getLogger("io.cleanusers.access");

  private final RequestContext context;

  @Inject
  public LogAccessLog(RequestContext context) {
    this.context = context;
  }

  /** For CDI's client proxy only. */
  protected LogAccessLog() {
    this(null);
  }

  @Override
  public void record(String method, String rawPath, int status) {
    LogLine.of("access")
        .with("method", LogText.clean(method))
        .withText("path", rawPath)
        .with("status", status)
        .with("duration_ms", context.elapsedMillis())
        .with("request_id", context.requestId())
        .with("user_id", context.userId().orElse("-"))
        .log(ACCESS);
  }
}
