package io.cleanusers.infrastructure.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Turns off EclipseLink's retry of read queries that fail to reach the database outside a
 * transaction: by default it retries three more times, sleeping 5 s before the second and
 * third, so a request held the caller ~10 s before its 503 (SPEC §2). The container's pool
 * already validates and replaces connections, so nothing is lost.
 * Named by {@code eclipselink.session.customizer} in persistence.xml.
 */
public class FailFastOnOutage implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
