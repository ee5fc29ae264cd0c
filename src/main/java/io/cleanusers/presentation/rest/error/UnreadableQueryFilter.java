package io.cleanusers.presentation.rest.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A query string with a stray or invalid percent-encoding (RFC 3986 2.1, e.g. {@code ?a=%zz})
 * is a 400, answered through the error page ({@link ContainerErrorServlet}) before JAX-RS sees
 * the request: some servers pass such a target on, and the JAX-RS runtime then fails on it
 * with a 500, even while writing the answer to its own failure (RESTEasy on Open Liberty).
 */
public class UnreadableQueryFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    if (readable(request.getQueryString())) {
      chain.doFilter(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
  }

  static boolean readable(String query) {
    if (query == null) {
      return true;
    }
    for (int at = query.indexOf('%'); at >= 0; at = query.indexOf('%', at + 1)) {
      if (at + 2 >= query.length() || Character.digit(query.charAt(at + 1), 16) < 0
          || Character.digit(query.charAt(at + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
