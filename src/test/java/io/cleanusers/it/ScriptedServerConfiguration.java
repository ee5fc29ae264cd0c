package io.cleanusers.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * arquillian.xml's settings for {@link ScriptedServer}: which server, where the checkout and the
 * server log are, and the service settings the tests rely on, handed to the server as the
 * environment variables an operator would set.
 */
public final class ScriptedServerConfiguration implements ContainerConfiguration {

  private String server = "payara-micro";
  private String basedir;
  private String serverLog;
  private String bcryptCost;
  private String superAdminUsername;
  private String superAdminPassword;
  private String maxFailures;
  private String lockoutSeconds;
  private String baseUrl;

  @Override
  public void validate() throws ConfigurationException {
    if (basedir == null || serverLog == null) {
      throw new ConfigurationException(
          "arquillian.xml must set basedir and serverLog (failsafe" + " passes them)");
    }
  }

  /**
   * The configuration the service gets, by its environment variable names; it reaches PostgreSQL
   * through the proxy on {@code databasePort}.
   */
  Map<String, String> serviceEnvironment(int databasePort) {
    Map<String, String> environment = new LinkedHashMap<>();
    // PostgreSQL through the proxy in the test JVM, so that OutageIT can cut it (DatabaseProxy).
    environment.put("POSTGRES_HOST", "127.0.0.1");
    environment.put("POSTGRES_PORT", Integer.toString(databasePort));
    environment.put("SECURITY_PASSWORD_BCRYPT_COST", bcryptCost);
    environment.put("BOOTSTRAP_SUPER_ADMIN_USERNAME", superAdminUsername);
    environment.put("BOOTSTRAP_SUPER_ADMIN_PASSWORD", superAdminPassword);
    environment.put("SECURITY_LOGIN_MAX_FAILURES", maxFailures);
    environment.put("SECURITY_LOGIN_LOCKOUT_SECONDS", lockoutSeconds);
    environment.values().removeIf(value -> value == null);
    return environment;
  }

  /** The already running service the tests use instead of starting one; null when none. */
  URI runningService() {
    return baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.trim());
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getBasedir() {
    return basedir;
  }

  public void setBasedir(String basedir) {
    this.basedir = basedir;
  }

  public String getServerLog() {
    return serverLog;
  }

  public void setServerLog(String serverLog) {
    this.serverLog = serverLog;
  }

  public void setBcryptCost(String bcryptCost) {
    this.bcryptCost = bcryptCost;
  }

  public void setSuperAdminUsername(String superAdminUsername) {
    this.superAdminUsername = superAdminUsername;
  }

  public void setSuperAdminPassword(String superAdminPassword) {
    this.superAdminPassword = superAdminPassword;
  }

  public void setMaxFailures(String maxFailures) {
    this.maxFailures = maxFailures;
  }

  public void setLockoutSeconds(String lockoutSeconds) {
    this.lockoutSeconds = lockoutSeconds;
  }
}
