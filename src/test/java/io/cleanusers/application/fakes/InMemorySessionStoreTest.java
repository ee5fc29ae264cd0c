package io.cleanusers.application.fakes;

import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionStoreContract;
import io.cleanusers.application.common.port.UserRepository;
import java.util.function.Supplier;

/** The in-memory fake keeps the same promises as the sessions in PostgreSQL. */
class InMemorySessionStoreTest extends SessionStoreContract {

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
  private final InMemorySessionStore store = new InMemorySessionStore(users, unitOfWork);

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
    return unitOfWork.call(work);
  }
}
