package io.cleanusers.application.fakes;

import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.application.common.port.UserRepositoryContract;

/** The in-memory fake keeps the same promises as the real repository. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {

  private final InMemoryUserRepository repository = new InMemoryUserRepository();

  @Override
  protected UserRepository repository() {
    return repository;
  }
}
