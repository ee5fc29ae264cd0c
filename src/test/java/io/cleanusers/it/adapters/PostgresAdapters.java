package io.cleanusers.it.adapters;

import io.cleanusers.application.fakes.RecordingMetrics;
import io.cleanusers.infrastructure.auth.SqlLoginAttempts;
import io.cleanusers.infrastructure.auth.SqlSessionStore;
import io.cleanusers.infrastructure.persistence.AutoCommitSql;
import io.cleanusers.infrastructure.persistence.JpaUserRepository;
import io.cleanusers.infrastructure.persistence.SchemaMigrations;
import io.cleanusers.infrastructure.persistence.SqlUserReader;
import io.cleanusers.infrastructure.persistence.Transactions;
import io.cleanusers.it.support.TestDatabase;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The persistence adapters built the way the service builds them, outside any server, over the test
 * PostgreSQL: the same persistence unit, transactions and auto-commit statements, so each port's
 * contract test runs against the real SQL.
 */
final class PostgresAdapters {

  private static final DataSource DATA_SOURCE = TestDatabase.dataSource();
  static final Transactions TRANSACTIONS = transactions();
  private static final AutoCommitSql SQL = new AutoCommitSql(DATA_SOURCE);

  private PostgresAdapters() {}

  private static Transactions transactions() {
    SchemaMigrations.migrate(DATA_SOURCE);
    return new Transactions(
        Persistence.createEntityManagerFactory(
            "clean-users", Map.of("jakarta.persistence.nonJtaDataSource", DATA_SOURCE)));
  }

  static JpaUserRepository users() {
    return new JpaUserRepository(TRANSACTIONS);
  }

  static SqlSessionStore sessions() {
    return new SqlSessionStore(new RecordingMetrics(), SQL, TRANSACTIONS);
  }

  static SqlUserReader userReader() {
    return new SqlUserReader(SQL);
  }

  static SqlLoginAttempts loginAttempts() {
    return new SqlLoginAttempts(SQL, TRANSACTIONS);
  }

  /** Runs the work in a transaction of its own, as a use case's unit of work would. */
  static <T> T inUnitOfWork(Supplier<T> work) {
    return TRANSACTIONS.requiresNew(em -> work.get());
  }
}
