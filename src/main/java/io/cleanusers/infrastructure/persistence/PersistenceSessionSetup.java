package io.cleanusers.infrastructure.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink-only tuning (named by {@code eclipselink.session.customizer} in persistence.xml;
 * Hibernate ignores it): EclipseLink's retry of a read that failed to reach the database is turned
 * off. By default it retries three more times, sleeping 5 s before the second and third, so a
 * request held the caller ~10 s before its 503 during an outage. The connection pool already
 * replaces dead connections, so nothing is lost.
 */
public class PersistenceSessionSetup implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
