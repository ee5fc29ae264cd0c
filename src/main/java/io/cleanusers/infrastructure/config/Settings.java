package io.cleanusers.infrastructure.config;

import java.util.List;

/**
 * Every setting of docs/contract/configuration.md, read and validated at once. With {@code ENV =
 * "prod"} it also refuses placeholder or short secrets and cookies without {@code Secure}.
 */
public record Settings(
    boolean production,
    HttpSettings http,
    DatabaseSettings database,
    PasswordSettings password,
    SessionSettings session,
    LoginThrottleSettings loginThrottle,
    BootstrapSettings bootstrap,
    LogSettings logs) {

  private static final int PROD_SECRET_MIN_LENGTH = 32;

  public static Settings load(ServiceConfig config) {
    ConfigValues values = new ConfigValues(config);
    Settings settings =
        new Settings(
            values.oneOf("app.ENV", List.of("local", "prod")).equals("prod"),
            HttpSettings.read(values),
            DatabaseSettings.read(values),
            PasswordSettings.read(values),
            SessionSettings.read(values),
            LoginThrottleSettings.read(values),
            BootstrapSettings.read(values),
            LogSettings.read(values));
    if (settings.production) {
      settings.requireProductionReady();
    }
    return settings;
  }

  private void requireProductionReady() {
    requireStrongSecret("security.password.PEPPER", password.pepper());
    requireStrongSecret("security.auth.JWT_SECRET", session.jwtSecret());
    if (!session.secureCookie()) {
      throw new InvalidConfigurationException(
          "security.cookies.SECURE",
          "it must be true when app.ENV = \"prod\" (cookies would travel over plain HTTP)");
    }
  }

  private static void requireStrongSecret(String key, String secret) {
    if (secret.codePointCount(0, secret.length()) < PROD_SECRET_MIN_LENGTH
        || ConfigValues.looksLikePlaceholder(secret)) {
      throw new InvalidConfigurationException(
          key,
          "with app.ENV = \"prod\" it must be a random"
              + " string of at least "
              + PROD_SECRET_MIN_LENGTH
              + " characters, not a placeholder");
    }
  }
}
