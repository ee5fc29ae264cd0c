package io.cleanusers.it;

import io.cleanusers.it.support.DatabaseProxy;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The Arquillian container of the integration tests: the built WAR on one of the supported servers
 * ({@code it.server}: payara-micro, payara-server, wildfly or liberty), started by {@code
 * scripts/serve.sh} exactly as {@code make run SERVER=...} starts it, and configured the same way,
 * through environment variables. The server boots once per test run, at the first deployment, and
 * every test class's deployment is that same WAR; it stops when the run ends. The server's output
 * goes to {@code clean-users.server.log} (target/it-server.log).
 *
 * <p>With {@code -Dit.baseUrl=http://host:port} it starts nothing and reports that service, already
 * running (the HAProxy of {@code make cluster}, for {@code make cluster-check}); the test classes
 * tagged {@link #OWN_SERVER} need the server this class starts and are left out then ({@code
 * -DexcludedGroups=own-server}; README, "Integration tests against a running service").
 */
public final class ScriptedServer implements DeployableContainer<ScriptedServerConfiguration> {

  /**
   * The JUnit tag of the test classes that need the server started here: its log, the {@link
   * DatabaseProxy} between it and PostgreSQL that they cut, or its own HTTP parser (the fuzzer's
   * malformed requests are answered by whatever stands in front, a balancer's 400 included).
   */
  public static final String OWN_SERVER = "own-server";

  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(330);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  private ScriptedServerConfiguration configuration;
  private Process server;
  private int port;

  /** Why the server did not boot: every later test class fails with it, at once. */
  private DeploymentException bootFailure;

  @Override
  public Class<ScriptedServerConfiguration> getConfigurationClass() {
    return ScriptedServerConfiguration.class;
  }

  @Override
  public synchronized void setup(ScriptedServerConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return new ProtocolDescription("Local");
  }

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (bootFailure != null) {
      throw bootFailure;
    }
    URI running = configuration.runningService();
    if (running != null) {
      return served(running.getHost(), running.getPort());
    }
    if (server == null) {
      try {
        boot();
      } catch (DeploymentException e) {
        bootFailure = e;
        throw e;
      }
    }
    return served("127.0.0.1", port);
  }

  private static ProtocolMetaData served(String host, int port) {
    HTTPContext context = new HTTPContext(host, port);
    context.add(new Servlet("service", "/"));
    return new ProtocolMetaData().addContext(context);
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // the WAR stays deployed for the next test class; stop() ends the server
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    if (server == null) {
      return;
    }
    try {
      if (!end()) {
        throw new LifecycleException(
            configuration.getServer() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LifecycleException("Interrupted while stopping the server", e);
    } finally {
      server = null;
    }
  }

  private void boot() throws DeploymentException {
    port = freePort();
    ProcessBuilder launch =
        new ProcessBuilder(
                List.of(
                    configuration.getBasedir() + "/scripts/serve.sh",
                    configuration.getServer(),
                    Integer.toString(port)))
            .directory(new File(configuration.getBasedir()))
            .redirectErrorStream(true)
            .redirectOutput(new File(configuration.getServerLog()));
    Map<String, String> environment = launch.environment();
    environment.put("SERVE_TIMEOUT", Long.toString(BOOT_TIMEOUT.toSeconds() - 30));
    environment.putAll(configuration.serviceEnvironment(DatabaseProxy.start().port()));
    try {
      server = launch.start();
    } catch (IOException e) {
      throw new DeploymentException("Cannot run scripts/serve.sh", e);
    }
    awaitService();
  }

  /**
   * SIGTERM, so that serve.sh stops the server it started (a killed serve.sh would leave Payara
   * Server's domain running); SIGKILL if it has not ended after STOP_TIMEOUT. True if it ended.
   */
  private boolean end() throws InterruptedException {
    server.destroy();
    if (server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      return true;
    }
    server.destroyForcibly();
    return false;
  }

  /**
   * Until GET /api/v1/ answers 200; fails with the end of the server log if it never does. Over
   * HTTP/1.1: the client keeps an HTTP/2 connection for reuse, and one that broke while the server
   * was starting made every later probe time out although the server was serving.
   */
  private void awaitService() throws DeploymentException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeploymentException("Interrupted while waiting for the server", e);
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    try {
      end();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new DeploymentException(
        configuration.getServer()
            + " never served GET /api/v1/ on port "
            + port
            + "; the end of "
            + configuration.getServerLog()
            + ":\n"
            + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(Path.of(configuration.getServerLog()));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static int freePort() throws DeploymentException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new DeploymentException("No free port for the server", e);
    }
  }
}
