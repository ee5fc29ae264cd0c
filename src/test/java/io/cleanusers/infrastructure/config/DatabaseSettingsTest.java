package io.cleanusers.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.infrastructure.config.DatabaseSettings.Host;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code postgres.HOST}: one host or a list of {@code host[:port]}
 * (docs/contract/configuration.md), which becomes pgjdbc's multi-host URL keeping only a primary.
 */
class DatabaseSettingsTest {

  private static DatabaseSettings settings(List<Host> hosts) {
    return new DatabaseSettings(hosts, "cleanusers", "u", "p", 4, Optional.empty());
  }

  @Test
  void one_host_takes_the_default_port() {
    assertEquals(
        List.of(new Host("db.example", 5432)), DatabaseSettings.parseHosts("db.example", 5432));
  }

  @Test
  void a_list_mixes_entries_with_and_without_a_port() {
    assertEquals(
        List.of(new Host("pg-a", 5433), new Host("10.0.0.2", 6000), new Host("[::1]", 5433)),
        DatabaseSettings.parseHosts(" pg-a , 10.0.0.2:6000,[::1]", 5433));
  }

  @Test
  void an_ipv6_address_in_brackets_may_carry_a_port() {
    assertEquals(
        List.of(new Host("[fe80::1]", 25432)),
        DatabaseSettings.parseHosts("[fe80::1]:25432", 5432));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pg-a,,pg-b",
        "pg-a,",
        "pg-a:",
        "pg-a:0",
        "pg-a:65536",
        "pg-a:54x",
        "pg-a:5432:1",
        "::1",
        "pg a",
        "user@pg-a",
        "pg-a/db",
        "pg-a?ssl=true"
      })
  void a_bad_entry_is_refused(String raw) {
    assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.parseHosts(raw, 5432));
  }

  @Test
  void the_jdbc_url_lists_every_host_and_keeps_only_a_primary() {
    assertEquals(
        "jdbc:postgresql://pg-a:5432,pg-b:5433/cleanusers?targetServerType=primary",
        settings(List.of(new Host("pg-a", 5432), new Host("pg-b", 5433))).jdbcUrl());
    assertEquals(
        "jdbc:postgresql://localhost:5432/cleanusers?targetServerType=primary",
        settings(List.of(new Host("localhost", 5432))).jdbcUrl());
  }

  @Test
  void the_jdbc_url_is_one_pgjdbc_accepts_with_every_host() {
    java.util.Properties parsed =
        org.postgresql.Driver.parseURL(
            settings(List.of(new Host("pg-a", 5432), new Host("[::1]", 5433))).jdbcUrl(), null);
    assertEquals("pg-a,[::1]", parsed.getProperty("PGHOST"));
    assertEquals("5432,5433", parsed.getProperty("PGPORT"));
    assertEquals("primary", parsed.getProperty("targetServerType"));
  }

  @Test
  void a_settings_value_needs_a_host() {
    assertThrows(IllegalArgumentException.class, () -> settings(List.of()));
  }

  @Test
  void the_message_names_the_bad_entry() {
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> DatabaseSettings.parseHosts("pg-a:5432, pg-b:99999", 5432))
            .getMessage();
    assertTrue(message.contains("'pg-b:99999'"), message);
  }
}
