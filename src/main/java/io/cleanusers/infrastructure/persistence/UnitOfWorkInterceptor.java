package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.common.UnitOfWork;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs every {@link UnitOfWork} method in a transaction ({@link Transactions#required}). */
@UnitOfWork
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class UnitOfWorkInterceptor {

  private final Transactions transactions;

  @Inject
  public UnitOfWorkInterceptor(Transactions transactions) {
    this.transactions = transactions;
  }

  @AroundInvoke
  public Object inTransaction(InvocationContext invocation) throws Exception {
    try {
      return transactions.required(em -> proceed(invocation));
    } catch (CheckedFailure wrapped) {
      throw wrapped.checked;
    }
  }

  private static Object proceed(InvocationContext invocation) {
    try {
      return invocation.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CheckedFailure(e);
    }
  }

  /** Carries a checked exception of the intercepted method through the transaction. */
  private static final class CheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Exception checked;

    CheckedFailure(Exception checked) {
      super(checked);
      this.checked = checked;
    }
  }
}
