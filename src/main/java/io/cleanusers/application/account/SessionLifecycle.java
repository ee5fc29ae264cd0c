package io.cleanusers.application.account;

import io.cleanusers.application.account.policy.RenewalPolicy;
import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionTokens;
import io.cleanusers.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens, renews and closes the request's session: the stored row and the token the response carries
 * in its cookie change together.
 */
@ApplicationScoped
public class SessionLifecycle {

  private final SessionStore store;
  private final SessionTokens tokens;
  private final SessionCredentials credentials;
  private final RenewalPolicy renewal;
  private final Clock clock;

  @Inject
  public SessionLifecycle(
      SessionStore store,
      SessionTokens tokens,
      SessionCredentials credentials,
      RenewalPolicy renewal,
      Clock clock) {
    this.store = store;
    this.tokens = tokens;
    this.credentials = credentials;
    this.renewal = renewal;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected SessionLifecycle() {
    this(null, null, null, null, null);
  }

  public void open(UserId user) {
    Instant now = clock.instant();
    AuthSession session = store.create(user, now, renewal.expirationFrom(now));
    credentials.send(tokens.issue(session.id(), session.expiration()));
  }

  /**
   * Renews a live session (an expired one has already ended at {@link CurrentSession}) when the
   * {@link RenewalPolicy} says it is due.
   */
  public void renewIfDue(AuthSession session, Instant now) {
    if (renewal.isDue(session.expiration(), now)) {
      Instant expiration = renewal.expirationFrom(now);
      store.extend(session.id(), expiration);
      credentials.send(tokens.issue(session.id(), expiration));
    }
  }

  public void close(String sessionId) {
    store.delete(sessionId);
    credentials.clear();
  }
}
