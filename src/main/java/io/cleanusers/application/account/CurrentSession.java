package io.cleanusers.application.account;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionTokens;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling: the request's token must be genuine and unexpired, its session must exist, and
 * its user must be active. An inactive user's sessions end on the spot; a session near its end is
 * renewed. The answer holds for the rest of the request: one instance per request ({@code
 * io.cleanusers.setup.RequestStateProducers}).
 */
public class CurrentSession implements IdentityProvider {

  private final SessionCredentials credentials;
  private final SessionTokens tokens;
  private final SessionStore store;
  private final SessionLifecycle lifecycle;
  private final RequestContext request;
  private final Clock clock;
  private Optional<CallerSession> resolved;

  public CurrentSession(
      SessionCredentials credentials,
      SessionTokens tokens,
      SessionStore store,
      SessionLifecycle lifecycle,
      RequestContext request,
      Clock clock) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.store = store;
    this.lifecycle = lifecycle;
    this.request = request;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected CurrentSession() {
    this(null, null, null, null, null, null);
  }

  @Override
  public Caller currentCaller() {
    return find().orElseThrow(NotAuthenticatedException::new).caller();
  }

  /** The caller and their session, if the request carries a valid one. */
  public Optional<CallerSession> find() {
    if (resolved == null) {
      resolved = resolve(clock.instant());
      resolved.ifPresent(found -> request.identify(found.caller().id().toString()));
    }
    return resolved;
  }

  /** Sign-up and log-in are for callers without a session. */
  public void requireAnonymous() {
    if (find().isPresent()) {
      throw new AuthenticationFailures.AlreadyAuthenticated();
    }
  }

  private Optional<CallerSession> resolve(Instant now) {
    Optional<SessionUser> found =
        credentials
            .received()
            .flatMap(token -> tokens.sessionIdOf(token, now))
            .flatMap(store::findWithUser);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SessionUser row = found.get();
    AuthSession session = row.session();
    if (session.isExpired(now)) {
      store.delete(session.id());
      return Optional.empty();
    }
    if (!row.active()) {
      store.deleteAllOfNow(session.userId());
      return Optional.empty();
    }
    lifecycle.renewIfDue(session, now);
    return Optional.of(
        new CallerSession(
            new Caller(
                session.userId(), row.username(), row.role(), row.createdAt(), row.updatedAt()),
            session.id()));
  }

  /** A caller and the id of the session they came with. */
  public record CallerSession(Caller caller, String sessionId) {}
}
