package io.cleanusers.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The WAR's built-in defaults are the shipped {@code config.toml} (the build copies it), and that
 * file holds every key docs/contract/configuration.md lists ("Configuration keys").
 */
class ShippedConfigTest {

  private static final Path ROOT_FILE =
      Path.of(System.getProperty("basedir", ".")).resolve("config.toml");

  private static final Set<String> SPEC_KEYS =
      Set.of(
          "app.ENV",
          "http.PORT",
          "http.ALLOWED_ORIGINS",
          "postgres.HOST",
          "postgres.PORT",
          "postgres.DB",
          "postgres.USER",
          "postgres.PASSWORD",
          "postgres.POOL_SIZE",
          "security.password.PEPPER",
          "security.password.BCRYPT_COST",
          "security.password.MIN_LENGTH",
          "security.password.HASHER_THREADS",
          "security.auth.JWT_SECRET",
          "security.auth.JWT_ALGORITHM",
          "security.auth.SESSION_TTL_MIN",
          "security.auth.SESSION_REFRESH_THRESHOLD",
          "security.cookies.SECURE",
          "security.cookies.SAMESITE",
          "security.login.MAX_FAILURES",
          "security.login.LOCKOUT_SECONDS",
          "security.login.MAX_LOCKOUT_SECONDS",
          "bootstrap.SUPER_ADMIN_USERNAME",
          "bootstrap.SUPER_ADMIN_PASSWORD",
          "logs.LEVEL",
          "logs.FORMAT");

  private static byte[] builtInDefaults() throws IOException {
    try (InputStream in =
        ShippedConfigTest.class
            .getClassLoader()
            .getResourceAsStream(ConfigFiles.DEFAULTS_RESOURCE)) {
      assertNotNull(in, "the build copies config.toml to " + ConfigFiles.DEFAULTS_RESOURCE);
      return in.readAllBytes();
    }
  }

  @Test
  void the_built_in_defaults_are_the_shipped_config_file_byte_for_byte() throws IOException {
    assertArrayEquals(Files.readAllBytes(ROOT_FILE), builtInDefaults());
  }

  @Test
  void the_shipped_config_file_holds_every_key_of_the_spec() throws IOException {
    Set<String> keys;
    try (InputStream in = Files.newInputStream(ROOT_FILE)) {
      keys = TomlConfigSource.read("config.toml", 100, in).getPropertyNames();
    }
    Set<String> missing = new TreeSet<>(SPEC_KEYS);
    missing.removeAll(keys);
    assertTrue(missing.isEmpty(), "missing from config.toml: " + missing);
  }

  @Test
  void the_built_in_defaults_hold_every_key_of_the_spec() {
    Set<String> missing = new TreeSet<>(SPEC_KEYS);
    missing.removeAll(ConfigFiles.keys(ShippedConfigTest.class.getClassLoader()));
    assertTrue(missing.isEmpty(), "missing from the built-in defaults: " + missing);
  }
}
