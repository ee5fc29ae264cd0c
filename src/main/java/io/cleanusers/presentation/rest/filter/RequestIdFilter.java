package io.cleanusers.presentation.rest.filter;

import io.cleanusers.infrastructure.logging.RequestContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the client's {@code X-Request-Id} when it is at most
 * 64 of {@code [A-Za-z0-9._-]}, else a new one) and returns it on every response.
 */
@Provider
@PreMatching
@Priority(FilterOrder.REQUEST_ID)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Inject RequestContext requestContext;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    requestContext.begin(idFor(request.getHeaderString(HEADER)), servletRequest.getRemoteAddr());
  }

  /** The client's id when valid, else a new one. */
  public static String idFor(String offered) {
    return offered != null && VALID.matcher(offered).matches()
        ? offered : newId();
  }

  /**
   * A random (version 4) UUID from the thread's own generator: a request id only correlates log
   * lines and need not be unguessable, while {@code UUID.randomUUID()} makes every request
   * thread queue on the one lock of the JDK's SecureRandom.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
    return new UUID(high, low).toString();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HEADER, requestContext.requestId());
  }
}
