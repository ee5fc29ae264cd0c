package io.cleanusers.it.adapters;

import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionStoreContract;
import io.cleanusers.application.common.port.UserRepository;
import java.util.function.Supplier;

/** The sessions in PostgreSQL keep the promises of {@link SessionStore}. */
class SqlSessionStoreIT extends SessionStoreContract {

  private final SessionStore store = PostgresAdapters.sessions();
  private final UserRepository users = PostgresAdapters.users();

  @Override
  protected SessionStore store() {
    return store;
  }

  @Override
  protected UserRepository users() {
    return users;
  }

  @Override
  protected <T> T inUnitOfWork(Supplier<T> work) {
    return PostgresAdapters.inUnitOfWork(work);
  }
}
