package io.cleanusers.infrastructure.config;

import java.util.Optional;

/**
 * Where PostgreSQL is ({@code [postgres]}): the service's own pool, or, when {@code
 * serverDataSource} is present, the JNDI name of a data source the server manages (the other values
 * are then not used).
 */
public record DatabaseSettings(
    String host,
    int port,
    String database,
    String user,
    String password,
    int poolSize,
    Optional<String> serverDataSource) {

  static DatabaseSettings read(ConfigValues values) {
    return new DatabaseSettings(
        values.text("postgres.HOST"),
        values.integer("postgres.PORT", 1, 65535),
        values.text("postgres.DB"),
        values.text("postgres.USER"),
        values.text("postgres.PASSWORD"),
        values.integer("postgres.POOL_SIZE", 1, 1000),
        values.optionalText("postgres.DATASOURCE"));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
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
