package io.cleanusers.setup;

import io.cleanusers.presentation.rest.error.ServerFailures;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction the container could not begin or complete, typically a commit that failed
 * because PostgreSQL went away at that moment: answered by {@link ServerFailures} like any
 * unexpected failure, so 503 for a database outage, else the generic 500, always with the
 * contract's JSON body.
 *
 * <p>Needed besides the web layer's catch-all mapper: Jersey ships its own mapper for
 * {@link TransactionalException} (jersey-cdi1x-transaction, present on Payara), which is more
 * specific than a {@code Throwable} mapper and rethrows every such exception that does not wrap
 * a {@code WebApplicationException}; the client then got Jersey's bare 500 instead of the 503
 * (found by {@code make stress}, PostgreSQL stopped under write load). It lives here, with the
 * rest of the container wiring, because the web layer does not name transaction types.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Inject ServerFailures failures;

  @Override
  public Response toResponse(TransactionalException failure) {
    return failures.respond(failure);
  }
}
