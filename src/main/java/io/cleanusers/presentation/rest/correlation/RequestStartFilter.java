package io.cleanusers.presentation.rest.correlation;

import io.cleanusers.application.common.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Opens the request's {@link RequestContext}, first of the WAR's filters: its correlation id
 * ({@link RequestIds}), the client's address and the time it started. A servlet filter because the
 * servlet request is at hand here; a JAX-RS filter reaches it only through a per-request proxy
 * (docs/benchmarks.md, "What the profiles changed", change 25).
 */
public class RequestStartFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private transient RequestContext requestContext;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    requestContext.begin(
        RequestIds.idFor(request.getHeader(RequestIds.HEADER)), request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}
