package io.cleanusers.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as is: integration tests run what ships. */
public final class Deployments {

  private Deployments() {}

  /**
   * Every {@code @Deployment} method calls this, and the Payara Micro adapter only launches the
   * server in its {@code deploy} step, after the archive exists: so the database proxy the
   * deployments connect through ({@link DatabaseProxy}, arquillian.xml) is listening before
   * any server boots.
   */
  public static WebArchive builtWar() {
    DatabaseProxy.start();
    File war = new File(System.getProperty("clean-users.war", "target/clean-users.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  private static final Set<Integer> READY = ConcurrentHashMap.newKeySet();
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  /**
   * The adapter reports the host's external address; the tests talk to the loopback address
   * on the port Payara Micro was given, once it answers: the adapter can report a deployment
   * before the HTTP listener accepts connections on a busy machine.
   */
  public static URI loopback(URL reported) {
    URI base = URI.create("http://127.0.0.1:" + reported.getPort());
    if (READY.add(reported.getPort())) {
      awaitAnswer(base);
    }
    return base;
  }

  private static void awaitAnswer(URI base) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(base.resolve("/api/v1/"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new IllegalStateException("The deployment at " + base + " never answered /api/v1/");
  }
}
