package io.cleanusers.it.adapters;

import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.application.common.port.UserRepositoryContract;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.Username;
import java.util.Optional;

/**
 * The JPA repository on PostgreSQL keeps the promises of {@link UserRepository}; each call is a
 * unit of work of its own, as when a use case makes it.
 */
class JpaUserRepositoryIT extends UserRepositoryContract {

  private final UserRepository jpa = PostgresAdapters.users();

  @Override
  protected UserRepository repository() {
    return new UserRepository() {
      @Override
      public void add(User user) {
        PostgresAdapters.inUnitOfWork(
            () -> {
              jpa.add(user);
              return null;
            });
      }

      @Override
      public void update(User user) {
        PostgresAdapters.inUnitOfWork(
            () -> {
              jpa.update(user);
              return null;
            });
      }

      @Override
      public Optional<User> findByUsername(Username username) {
        return PostgresAdapters.inUnitOfWork(() -> jpa.findByUsername(username));
      }

      @Override
      public Optional<User> findByUsernameForUpdate(Username username) {
        return PostgresAdapters.inUnitOfWork(() -> jpa.findByUsernameForUpdate(username));
      }
    };
  }
}
