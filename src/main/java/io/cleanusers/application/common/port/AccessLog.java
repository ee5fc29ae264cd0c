package io.cleanusers.application.common.port;

/** Writes one line per answered request, for operators; the adapter decides the format. */
public interface AccessLog {

  /** The request's method, raw path and status; its id, caller and duration come from context. */
  void record(String method, String rawPath, int status);
}
