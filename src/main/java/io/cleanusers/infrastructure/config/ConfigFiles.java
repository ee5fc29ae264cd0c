package io.cleanusers.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Supplies the configuration files (docs/contract/configuration.md, "Configuration sources") to
 * MicroProfile Config: the defaults the WAR carries (a copy of the shipped {@code config.toml})
 * below the operator's file, both below environment variables (300) and system properties (400).
 */
public final class ConfigFiles implements ConfigSourceProvider {

  /** Where the build puts the copy of {@code config.toml} inside the WAR. */
  static final String DEFAULTS_RESOURCE = "META-INF/clean-users/config.toml";

  static final int DEFAULTS_ORDINAL = 100;
  static final int FILE_ORDINAL = 250;

  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    return sources(forClassLoader);
  }

  /** The built-in defaults and, when there is one, the operator's file. */
  static List<ConfigSource> sources(ClassLoader loader) {
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(defaults(loader));
    operatorFile(System.getProperties(), System.getenv())
        .map(ConfigFiles::readFile)
        .ifPresent(sources::add);
    return sources;
  }

  /** Every key the service knows: those of the built-in defaults. */
  public static java.util.Set<String> keys(ClassLoader loader) {
    return defaults(loader).getPropertyNames();
  }

  /** The built-in defaults, read from the class path. */
  static ConfigSource defaults(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The WAR lacks its built-in " + DEFAULTS_RESOURCE);
      }
      return TomlConfigSource.read("built-in defaults", DEFAULTS_ORDINAL, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operator's file: {@code -Dapp.config}, else {@code APP_CONFIG}, else {@code ./config.toml}
   * when it exists. A file that is named but missing is an error.
   */
  static Optional<Path> operatorFile(Properties systemProperties, Map<String, String> env) {
    String named = systemProperties.getProperty("app.config", env.get("APP_CONFIG"));
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      if (!Files.isRegularFile(path)) {
        throw new IllegalStateException(
            "Configuration file "
                + path.toAbsolutePath()
                + " (from app.config / APP_CONFIG)"
                + " does not exist. Fix: point app.config or APP_CONFIG at a readable file.");
      }
      return Optional.of(path);
    }
    Path local = Path.of("config.toml");
    return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
  }

  private static ConfigSource readFile(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return TomlConfigSource.read(path.toAbsolutePath().toString(), FILE_ORDINAL, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration file " + path, e);
    }
  }
}
