package io.cleanusers.infrastructure.persistence;

import io.cleanusers.infrastructure.config.ServiceConfig;
import java.util.logging.Logger;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Adjusts the persistence unit's EclipseLink session before it connects (named by
 * {@code eclipselink.session.customizer} in persistence.xml, which takes a single class):
 * <ul>
 *   <li>fails fast on a database outage: EclipseLink's retry of read queries that fail to reach
 *       the database outside a transaction is turned off. By default it retries three more
 *       times, sleeping 5 s before the second and third, so a request held the caller ~10 s
 *       before its 503 (SPEC §2). The container's pool already validates and replaces
 *       connections, so nothing is lost;</li>
 *   <li>when {@code postgres.DATASOURCE} is set, connects through that server-managed data
 *       source (a JNDI name such as {@code jdbc/cleanusers}) instead of the WAR's own
 *       {@code java:app/jdbc/cleanusers} that persistence.xml names.</li>
 * </ul>
 * The settings are read here directly: CDI is not yet running when the session is set up.
 */
public class PersistenceSessionSetup implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(PersistenceSessionSetup.class.getName());

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
    ServiceConfig.loadSettings(getClass().getClassLoader()).database().serverDataSource()
        .ifPresent(name -> useServerDataSource(session, name));
  }

  /**
   * The session's login serves writes; a server session reads through its read connection pool,
   * whose login may be a separate copy (JTA units without a non-JTA data source share it), and
   * through any other pool it has: all of them are pointed at the server's data source.
   */
  private static void useServerDataSource(Session session, String name) {
    LOG.info(() -> "The persistence unit uses the server's data source " + name + ".");
    useJndiName(session.getDatasourceLogin(), name);
    if (session instanceof ServerSession server) {
      useJndiName(server.getReadConnectionPool().getLogin(), name);
      for (ConnectionPool pool : server.getConnectionPools().values()) {
        useJndiName(pool.getLogin(), name);
      }
    }
  }

  // setLookupType(int) is deprecated since EclipseLink moved the default lookup type to the
  // ServerPlatform, with no replacement on the connector; a plain string lookup is what a
  // server's JNDI name needs whatever platform EclipseLink detects, so it stays explicit.
  @SuppressWarnings("deprecation")
  private static void useJndiName(Login login, String name) {
    if (login instanceof DatasourceLogin datasourceLogin) {
      JNDIConnector connector = new JNDIConnector(name);
      connector.setLookupType(JNDIConnector.STRING_LOOKUP);
      datasourceLogin.setConnector(connector);
    }
  }
}
