package io.cleanusers.application.common.port;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.Username;

/**
 * Records security events: one line each, with who did what to whom and how it ended.
 * Implementations add the request's id and client address; no secret is ever passed.
 */
public interface AuditTrail {

  /** The actor of an event nobody authenticated did (a failed or refused log-in). */
  String NOBODY = "-";

  void record(AuditEvent event, String outcome, String actor, String target);

  /** How an audit line names a known actor, in every event alike: id, then username. */
  static String actor(UserId id, Username username) {
    return id.value() + " " + username.value();
  }
}
