package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.logging.RequestContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the caller from the request's session cookie (SPEC §5.3): the token must be genuine and
 * unexpired, its session row must exist, and its user must be active. An inactive user's sessions
 * are deleted on the spot; a session near its end is renewed (§5.4). The answer is kept for the
 * rest of the request.
 */
@RequestScoped
public class SessionIdentityProvider implements IdentityProvider {

  @Inject SessionCredentials credentials;
  @Inject SessionTokens tokens;
  @Inject SessionStore sessions;
  @Inject SessionSettings settings;
  @Inject RequestContext request;
  @Inject Clock clock;

  private Optional<CallerSession> resolved;

  @Override
  public Caller currentCaller() {
    return currentSession().orElseThrow(NotAuthenticatedException::new).caller();
  }

  /** The caller and their session, if the request carries a valid one. */
  public Optional<CallerSession> currentSession() {
    if (resolved == null) {
      resolved = resolve(clock.instant());
      resolved.ifPresent(found -> request.identify(found.caller().id().toString()));
    }
    return resolved;
  }

  private Optional<CallerSession> resolve(Instant now) {
    Optional<SessionUser> found =
        credentials
            .received()
            .flatMap(token -> tokens.sessionIdOf(token, now))
            .flatMap(sessions::findWithUser);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SessionUser row = found.get();
    AuthSession session = row.session();
    if (session.isExpired(now)) {
      sessions.delete(session.id());
      return Optional.empty();
    }
    if (!row.active()) {
      sessions.deleteAllOfNow(session.userId());
      return Optional.empty();
    }
    if (session.isDueForRenewal(now, settings.refreshBelow())) {
      renew(session, now);
    }
    return Optional.of(
        new CallerSession(new Caller(session.userId(), row.username(), row.role()), session.id()));
  }

  private void renew(AuthSession session, Instant now) {
    Instant expiration = now.plus(settings.ttl());
    sessions.extend(session.id(), expiration);
    credentials.send(tokens.issue(session.id(), expiration));
  }

  /** A caller and the id of the session they came with. */
  public record CallerSession(Caller caller, String sessionId) {}
}
