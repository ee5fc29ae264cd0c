package io.cleanusers.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as is: integration tests run what ships. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive builtWar() {
    File war = new File(System.getProperty("clean-users.war", "target/clean-users.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The adapter reports the host's external address; the tests talk to the loopback address
   * on the port Payara Micro was given.
   */
  public static URI loopback(URL reported) {
    return URI.create("http://127.0.0.1:" + reported.getPort());
  }
}
