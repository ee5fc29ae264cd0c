package io.cleanusers.infrastructure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where PostgreSQL is ({@code [postgres]}): the service's own pool, or, when {@code
 * serverDataSource} is present, the JNDI name of a data source the server manages (the other values
 * are then not used).
 *
 * <p>{@code postgres.HOST} is one host or a comma-separated list of {@code host} or {@code
 * host:port} entries (an IPv6 address in brackets, {@code [::1]:5432}); an entry without a port
 * gets {@code postgres.PORT}. The driver tries them in order and keeps only a primary ({@code
 * targetServerType=primary}), so the service follows a standby that is promoted, without a restart.
 */
public record DatabaseSettings(
    List<Host> hosts,
    String database,
    String user,
    String password,
    int poolSize,
    Optional<String> serverDataSource) {

  /** The one server kind the service uses: it writes. */
  public static final String TARGET_SERVER_TYPE = "primary";

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV6_IN_BRACKETS = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");

  public DatabaseSettings {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one host");
    }
    hosts = List.copyOf(hosts);
  }

  /** One entry of {@code postgres.HOST}. */
  public record Host(String name, int port) {
    @Override
    public String toString() {
      return name + ":" + port;
    }
  }

  static DatabaseSettings read(ConfigValues values) {
    int defaultPort = values.integer("postgres.PORT", 1, 65535);
    String hosts = values.text("postgres.HOST");
    List<Host> parsed;
    try {
      parsed = parseHosts(hosts, defaultPort);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("postgres.HOST", e.getMessage());
    }
    return new DatabaseSettings(
        parsed,
        values.text("postgres.DB"),
        values.text("postgres.USER"),
        values.text("postgres.PASSWORD"),
        values.integer("postgres.POOL_SIZE", 1, 1000),
        values.optionalText("postgres.DATASOURCE"));
  }

  /**
   * The entries of {@code raw} (comma-separated {@code host} or {@code host:port}), or an {@link
   * IllegalArgumentException} whose message says which entry is wrong and why.
   */
  static List<Host> parseHosts(String raw, int defaultPort) {
    List<Host> hosts = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + raw.strip() + "' has an empty entry (write host or host:port, comma-separated)");
      }
      hosts.add(host(entry, defaultPort));
    }
    return hosts;
  }

  /** A host name, an IPv4 address or an IPv6 address in brackets; then, optionally, ":port". */
  private static Host host(String entry, int defaultPort) {
    int portColon =
        entry.startsWith("[") ? entry.indexOf(':', entry.indexOf(']')) : entry.indexOf(':');
    String name = portColon < 0 ? entry : entry.substring(0, portColon);
    if (!HOST_NAME.matcher(name).matches() && !IPV6_IN_BRACKETS.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + entry
              + "' is not a host or host:port (an IPv6 address goes in brackets: [::1]:5432)");
    }
    return new Host(
        name, portColon < 0 ? defaultPort : port(entry, entry.substring(portColon + 1)));
  }

  private static int port(String entry, String port) {
    if (port.matches("[0-9]{1,5}")) {
      int value = Integer.parseInt(port);
      if (value >= 1 && value <= 65535) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'" + entry + "' has a port that is not a whole number from 1 to 65535");
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://"
        + hosts.stream().map(Host::toString).collect(Collectors.joining(","))
        + "/"
        + database
        + "?targetServerType="
        + TARGET_SERVER_TYPE;
  }

  /** The database as a person looks for it: the server's data source, else the JDBC URL. */
  public String where() {
    return serverDataSource.map(name -> "server data source " + name).orElseGet(this::jdbcUrl);
  }

  @Override
  public String toString() {
    return serverDataSource
        .map(name -> "DatabaseSettings[server data source " + name + "]")
        .orElseGet(
            () ->
                "DatabaseSettings["
                    + jdbcUrl()
                    + ", user="
                    + user
                    + ", poolSize="
                    + poolSize
                    + "]");
  }
}
