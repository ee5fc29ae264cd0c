package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** {@link UserRepository} over JPA, in the caller's JTA transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  private static final String BY_NAME =
      "select u from UserRecord u where lower(u.username) = :key";

  @PersistenceContext(unitName = "clean-users")
  EntityManager em;

  @Override
  public void add(User user) {
    try {
      em.persist(UserRecord.of(user));
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueViolation.isCauseOf(e)) {
        throw new UsernameTakenException(user.username().value());
      }
      throw e;
    }
  }

  @Override
  public void update(User user) {
    em.find(UserRecord.class, user.id().value()).copyChangesFrom(user);
    em.flush();
  }

  @Override
  public Optional<User> findByUsername(Username username) {
    return byName(username, LockModeType.NONE);
  }

  @Override
  public Optional<User> findByUsernameForUpdate(Username username) {
    return byName(username, LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Optional.ofNullable(em.find(UserRecord.class, id.value())).map(UserRecord::toDomain);
  }

  private Optional<User> byName(Username username, LockModeType lock) {
    return em.createQuery(BY_NAME, UserRecord.class)
        .setParameter("key", username.key())
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .map(UserRecord::toDomain);
  }
}
