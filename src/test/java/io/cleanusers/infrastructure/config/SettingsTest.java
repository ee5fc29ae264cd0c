package io.cleanusers.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The configuration rules (docs/contract/configuration.md): the built-in defaults load on their
 * own; every value is validated with one line naming the key (and its environment variable), never
 * echoing a secret; {@code ENV = "prod"} refuses placeholder or short secrets and cookies without
 * {@code Secure}.
 *
 * <p>Overrides go in as system properties (the highest-ordinal source), set only while {@link
 * ServiceConfig} reads them and restored right after.
 */
class SettingsTest {

  private static final String STRONG_PEPPER = "Pq2-Wm7z-Rt4x-Kv9c-Ny3b-Gh6d-Ls8f-Tj5a";
  private static final String STRONG_JWT_SECRET = "Zq7-Xr3v-Lp9w-Hc2k-Mn5t-Bd8y-Fs4g-Jk6h";

  /** 16 characters, 32 UTF-8 bytes: enough bytes for HS256, too few characters for prod. */
  private static final String SIXTEEN_CYRILLIC = "ЖЩФЫЮЯБДГЛПЦЧШЭЪ";

  private static Settings load(Map<String, String> overrides) {
    Map<String, String> saved = new HashMap<>();
    overrides.forEach(
        (key, value) -> {
          saved.put(key, System.getProperty(key));
          System.setProperty(key, value);
        });
    try {
      return ServiceConfig.loadSettings(SettingsTest.class.getClassLoader());
    } finally {
      saved.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }

  private static String refusal(Map<String, String> overrides) {
    String message =
        assertThrows(InvalidConfigurationException.class, () -> load(overrides)).getMessage();
    assertFalse(message.contains("\n"), "one line: " + message);
    return message;
  }

  private static Map<String, String> productionReady() {
    return Map.of(
        "app.ENV",
        "prod",
        "security.password.PEPPER",
        STRONG_PEPPER,
        "security.auth.JWT_SECRET",
        STRONG_JWT_SECRET,
        "security.cookies.SECURE",
        "true");
  }

  private static Map<String, String> productionReadyBut(String key, String value) {
    Map<String, String> overrides = new HashMap<>(productionReady());
    overrides.put(key, value);
    return overrides;
  }

  @Test
  void the_built_in_defaults_load_with_the_documented_values() {
    Settings settings = load(Map.of());

    assertFalse(settings.production());
    assertEquals(8080, settings.http().port());
    assertEquals(List.of(), settings.http().allowedOrigins());
    assertEquals(12, settings.password().bcryptCost());
    assertEquals(6, settings.password().minLength());
    assertEquals(
        Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
        settings.password().hasherThreads());
    assertEquals("HS256", settings.session().jwtAlgorithm());
    assertEquals(Duration.ofMinutes(5), settings.session().ttl());
    assertEquals(0.2, settings.session().refreshThreshold());
    assertEquals(Duration.ofMinutes(1), settings.session().refreshBelow());
    assertFalse(settings.session().secureCookie());
    assertEquals("Lax", settings.session().sameSite());
    assertEquals(5, settings.loginThrottle().maxFailures());
    assertEquals(Duration.ofSeconds(60), settings.loginThrottle().lockout());
    assertEquals(Duration.ofSeconds(900), settings.loginThrottle().maxLockout());
    assertFalse(settings.bootstrap().enabled());
    assertEquals("INFO", settings.logs().level());
    assertFalse(settings.logs().json());
  }

  @Test
  void by_default_the_service_uses_its_own_pool() {
    DatabaseSettings database = load(Map.of()).database();

    assertEquals(Optional.empty(), database.serverDataSource());
    assertTrue(database.toString().contains(database.jdbcUrl()), database.toString());
  }

  @Test
  void postgres_datasource_names_a_server_managed_data_source() {
    DatabaseSettings database = load(Map.of("postgres.DATASOURCE", " jdbc/cleanusers ")).database();

    assertEquals(Optional.of("jdbc/cleanusers"), database.serverDataSource());
    assertEquals("DatabaseSettings[server data source jdbc/cleanusers]", database.toString());
  }

  @Test
  void postgres_host_takes_a_list_of_hosts_with_the_default_port_where_none_is_given() {
    DatabaseSettings database =
        load(Map.of("postgres.HOST", "pg-a:25432, pg-b", "postgres.PORT", "25433")).database();

    assertEquals(
        List.of(new DatabaseSettings.Host("pg-a", 25432), new DatabaseSettings.Host("pg-b", 25433)),
        database.hosts());
    assertEquals(
        "jdbc:postgresql://pg-a:25432,pg-b:25433/cleanusers?targetServerType=primary",
        database.jdbcUrl());
  }

  @Test
  void a_bad_postgres_host_entry_is_refused_in_one_line_naming_it() {
    String message = refusal(Map.of("postgres.HOST", "pg-a:5432,pg-b:none"));
    assertTrue(message.startsWith("Invalid configuration postgres.HOST: 'pg-b:none'"), message);
    assertTrue(message.contains("POSTGRES_HOST"), message);
  }

  @Test
  void a_blank_postgres_datasource_means_the_services_own_pool() {
    assertEquals(
        Optional.empty(), load(Map.of("postgres.DATASOURCE", "   ")).database().serverDataSource());
  }

  @Test
  void a_system_property_overrides_a_default() {
    assertEquals(8, load(Map.of("security.password.MIN_LENGTH", "8")).password().minLength());
  }

  @Test
  void a_bcrypt_cost_of_3_is_refused_naming_the_key_and_its_environment_variable() {
    String message = refusal(Map.of("security.password.BCRYPT_COST", "3"));
    assertTrue(message.contains("security.password.BCRYPT_COST"), message);
    assertTrue(message.contains("SECURITY_PASSWORD_BCRYPT_COST"), message);
  }

  @Test
  void a_bcrypt_cost_of_32_is_refused() {
    assertTrue(
        refusal(Map.of("security.password.BCRYPT_COST", "32"))
            .contains("security.password.BCRYPT_COST"));
  }

  @Test
  void a_bcrypt_cost_that_is_not_a_number_is_refused() {
    assertTrue(
        refusal(Map.of("security.password.BCRYPT_COST", "twelve"))
            .contains("security.password.BCRYPT_COST"));
  }

  @Test
  void a_jwt_secret_shorter_than_32_bytes_is_refused_without_echoing_it() {
    String secret = "only-31-bytes-of-secret-value-x";
    String message = refusal(Map.of("security.auth.JWT_SECRET", secret));
    assertTrue(message.contains("security.auth.JWT_SECRET"), message);
    assertTrue(message.contains("SECURITY_AUTH_JWT_SECRET"), message);
    assertFalse(message.contains(secret), message);
  }

  @Test
  void a_jwt_secret_of_32_bytes_is_enough_for_hs256() {
    String secret = "exactly-32-bytes-of-key-material";
    assertEquals(secret, load(Map.of("security.auth.JWT_SECRET", secret)).session().jwtSecret());
  }

  @Test
  void hs512_needs_a_secret_of_64_bytes() {
    String secret = "k".repeat(48);
    String message =
        refusal(Map.of("security.auth.JWT_ALGORITHM", "HS512", "security.auth.JWT_SECRET", secret));
    assertTrue(message.contains("security.auth.JWT_SECRET"), message);
    assertFalse(message.contains(secret), message);
  }

  @Test
  void an_unknown_jwt_algorithm_is_refused() {
    assertTrue(
        refusal(Map.of("security.auth.JWT_ALGORITHM", "none"))
            .contains("security.auth.JWT_ALGORITHM"));
  }

  @Test
  void an_unknown_env_is_refused() {
    assertTrue(refusal(Map.of("app.ENV", "staging")).contains("app.ENV"));
  }

  @Test
  void samesite_none_without_secure_cookies_is_refused() {
    assertTrue(
        refusal(Map.of("security.cookies.SAMESITE", "None")).contains("security.cookies.SAMESITE"));
  }

  @Test
  void a_bootstrap_username_without_a_password_is_refused() {
    assertTrue(
        refusal(Map.of("bootstrap.SUPER_ADMIN_USERNAME", "root.admin"))
            .contains("bootstrap.SUPER_ADMIN_PASSWORD"));
  }

  @Test
  void prod_with_strong_secrets_and_secure_cookies_starts() {
    Settings settings = load(productionReady());
    assertTrue(settings.production());
    assertTrue(settings.session().secureCookie());
  }

  @Test
  void prod_refuses_the_placeholder_pepper() {
    Map<String, String> overrides = new HashMap<>(productionReady());
    overrides.remove("security.password.PEPPER"); // the shipped "change-me-local-pepper"
    String message = refusal(overrides);
    assertTrue(message.contains("security.password.PEPPER"), message);
    assertFalse(message.contains("change-me-local-pepper"), message);
  }

  @Test
  void prod_refuses_the_placeholder_jwt_secret() {
    Map<String, String> overrides = new HashMap<>(productionReady());
    overrides.remove("security.auth.JWT_SECRET"); // the shipped "change-me-..." secret
    String message = refusal(overrides);
    assertTrue(message.contains("security.auth.JWT_SECRET"), message);
    assertFalse(message.contains("change-me-local-jwt-secret"), message);
  }

  @Test
  void prod_refuses_a_jwt_secret_shorter_than_32_characters() {
    assertEquals(
        SIXTEEN_CYRILLIC,
        load(Map.of("security.auth.JWT_SECRET", SIXTEEN_CYRILLIC)).session().jwtSecret(),
        "control: long enough in bytes for HS256 outside prod");
    String message = refusal(productionReadyBut("security.auth.JWT_SECRET", SIXTEEN_CYRILLIC));
    assertTrue(message.contains("security.auth.JWT_SECRET"), message);
    assertFalse(message.contains(SIXTEEN_CYRILLIC), message);
  }

  @Test
  void prod_refuses_a_pepper_shorter_than_32_characters() {
    String pepper = "Xk9-short-pepper";
    String message = refusal(productionReadyBut("security.password.PEPPER", pepper));
    assertTrue(message.contains("security.password.PEPPER"), message);
    assertFalse(message.contains(pepper), message);
  }

  @Test
  void prod_refuses_cookies_without_secure() {
    String message = refusal(productionReadyBut("security.cookies.SECURE", "false"));
    assertTrue(message.contains("security.cookies.SECURE"), message);
    assertTrue(message.contains("SECURITY_COOKIES_SECURE"), message);
  }
}
