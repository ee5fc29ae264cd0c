package io.cleanusers.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link ScriptedServer} with Arquillian (META-INF/services). */
public final class ScriptedServerExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.service(DeployableContainer.class, ScriptedServer.class);
  }
}
