package io.cleanusers.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/**
 * The service's transactions, over the application's own persistence unit (resource-local JPA, the
 * same on every server and JPA provider). A transaction and its entity manager belong to the thread
 * that began it; {@link #current()} hands the running one to the repositories.
 *
 * <ul>
 *   <li>{@link #required}: joins the thread's transaction, or runs in a new one;
 *   <li>{@link #requiresNew}: always a new one, committed on its own (the caller's, if any, is set
 *       aside meanwhile and goes on afterwards).
 * </ul>
 *
 * Whatever the work throws rolls its transaction back and is rethrown unchanged.
 */
@ApplicationScoped
public class Transactions {

  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> running = new ThreadLocal<>();

  @Inject
  public Transactions(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** For CDI's client proxy only. */
  protected Transactions() {
    this.factory = null;
  }

  public <T> T required(Function<EntityManager, T> work) {
    EntityManager joined = running.get();
    return joined != null ? work.apply(joined) : requiresNew(work);
  }

  public <T> T requiresNew(Function<EntityManager, T> work) {
    EntityManager outer = running.get();
    EntityManager em = factory.createEntityManager();
    running.set(em);
    try {
      EntityTransaction transaction = em.getTransaction();
      transaction.begin();
      T result;
      try {
        result = work.apply(em);
      } catch (RuntimeException | Error failure) {
        rollBack(transaction, failure);
        throw failure;
      }
      transaction.commit();
      return result;
    } finally {
      em.close();
      if (outer == null) {
        running.remove();
      } else {
        running.set(outer);
      }
    }
  }

  /** The entity manager of the thread's transaction; there must be one. */
  public EntityManager current() {
    EntityManager em = running.get();
    if (em == null) {
      throw new IllegalStateException("No transaction is running on this thread");
    }
    return em;
  }

  private static void rollBack(EntityTransaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      cause.addSuppressed(rollbackFailure); // the database is gone: the work's failure tells why
    }
  }
}
