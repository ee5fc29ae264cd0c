package io.cleanusers.infrastructure.config;

/** Where PostgreSQL is ({@code [postgres]}). */
public record DatabaseSettings(
    String host, int port, String database, String user, String password, int poolSize) {

  static DatabaseSettings read(ConfigValues values) {
    return new DatabaseSettings(
        values.text("postgres.HOST"),
        values.integer("postgres.PORT", 1, 65535),
        values.text("postgres.DB"),
        values.text("postgres.USER"),
        values.text("postgres.PASSWORD"),
        values.integer("postgres.POOL_SIZE", 1, 1000));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + jdbcUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
