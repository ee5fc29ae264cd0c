package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * {@link UserRepository} over JPA. Writes belong to the caller's unit of work ({@link
 * Transactions}); a read joins it, or runs on its own when there is none.
 */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  private static final String BY_NAME = "select u from UserRecord u where lower(u.username) = :key";

  private final Transactions transactions;

  @Inject
  public JpaUserRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  /** For CDI's client proxy only. */
  protected JpaUserRepository() {
    this.transactions = null;
  }

  @Override
  public void add(User user) {
    EntityManager em = transactions.current();
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
    EntityManager em = transactions.current();
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

  private Optional<User> byName(Username username, LockModeType lock) {
    return transactions.required(
        em ->
            em.createQuery(BY_NAME, UserRecord.class)
                .setParameter("key", username.key())
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .map(UserRecord::toDomain));
  }
}
