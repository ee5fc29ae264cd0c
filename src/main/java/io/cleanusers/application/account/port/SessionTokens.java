package io.cleanusers.application.account.port;

import java.time.Instant;
import java.util.Optional;

/** The signed token that carries a session id to the client and back. */
public interface SessionTokens {

  String issue(String sessionId, Instant expiration);

  /** The session id of a genuine, unexpired token; empty for anything else. */
  Optional<String> sessionIdOf(String token, Instant now);
}
