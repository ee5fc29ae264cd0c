package io.cleanusers.application.common.port;

/**
 * Records security events (SPEC §10): one line each, with who did what to whom and how it ended.
 * Implementations add the request's id and client address; no secret is ever passed.
 */
public interface AuditTrail {

  void record(String event, String outcome, String actor, String target);
}
