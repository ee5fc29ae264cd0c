package io.cleanusers.infrastructure.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds the service's MicroProfile {@link Config} explicitly (system properties, environment,
 * and the files of {@link ConfigFiles}) for code the container may call before or outside the
 * application's own context, such as the data source.
 */
public final class ServiceConfig {

  private ServiceConfig() {}

  public static Settings loadSettings(ClassLoader loader) {
    Config config = ConfigProviderResolver.instance().getBuilder()
        .forClassLoader(loader)
        .addDefaultSources()
        .withSources(ConfigFiles.sources(loader).toArray(new ConfigSource[0]))
        .build();
    return Settings.load(config);
  }
}
