package io.cleanusers.it.support;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as is: integration tests run what ships. */
public final class Deployments {

  private Deployments() {}

  /**
   * Every {@code @Deployment} method calls this, and {@link io.cleanusers.it.ScriptedServer} only
   * launches the server in its {@code deploy} step, after the archive exists: so the database proxy
   * the service connects through ({@link DatabaseProxy}) is listening before the server boots.
   */
  public static WebArchive builtWar() {
    DatabaseProxy.start();
    File war = new File(System.getProperty("clean-users.war", "target/clean-users.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The loopback address on the port the server was given ({@link io.cleanusers.it.ScriptedServer}
   * reports the deployment once GET /api/v1/ answers).
   */
  public static URI loopback(URL reported) {
    return URI.create("http://127.0.0.1:" + reported.getPort());
  }
}
