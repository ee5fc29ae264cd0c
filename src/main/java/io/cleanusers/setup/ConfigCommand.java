package io.cleanusers.setup;

import io.cleanusers.infrastructure.config.ConfigFiles;
import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.infrastructure.persistence.SchemaMigrations;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Command-line work on the service's configuration, outside any server (the Makefile runs it
 * through {@code ./mvnw exec:java}): {@code dotenv} prints every key as an environment variable
 * (after validating them all), {@code migrate} applies the schema migrations to the configured
 * database.
 */
public final class ConfigCommand {

  private ConfigCommand() {}

  public static void main(String[] args) {
    String command = args.length == 1 ? args[0] : "";
    ClassLoader loader = ConfigCommand.class.getClassLoader();
    try {
      ServiceConfig config = ServiceConfig.load(loader);
      Settings settings = Settings.load(config);
      switch (command) {
        case "dotenv" -> printEnvironment(loader, config);
        case "migrate" -> SchemaMigrations.migrate(dataSource(settings.database()));
        default -> fail("usage: ConfigCommand dotenv|migrate");
      }
    } catch (RuntimeException e) {
      fail(e.getMessage());
    }
  }

  private static void printEnvironment(ClassLoader loader, ServiceConfig config) {
    Map<String, String> lines = new TreeMap<>();
    ConfigFiles.keys(loader)
        .forEach(
            key ->
                lines.put(
                    key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT),
                    config.value(key).orElse("")));
    lines.forEach((name, value) -> System.out.println(name + "='" + value.replace("'", "") + "'"));
  }

  private static PGSimpleDataSource dataSource(DatabaseSettings settings) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(settings.jdbcUrl());
    dataSource.setUser(settings.user());
    dataSource.setPassword(settings.password());
    return dataSource;
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
