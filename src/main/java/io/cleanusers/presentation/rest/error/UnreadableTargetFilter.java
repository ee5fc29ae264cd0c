package io.cleanusers.presentation.rest.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request whose URI cannot be rebuilt is a 400, answered through the error page ({@link
 * ContainerErrorServlet}) before JAX-RS sees it: a query string with a stray or invalid
 * percent-encoding (RFC 3986 2.1, e.g. {@code ?a=%zz}), or a {@code Host} header that is not an
 * authority (e.g. {@code a b}). Some servers pass such requests on, and the JAX-RS runtime then
 * fails on them with a 500, even while writing the answer to its own failure (RESTEasy on Open
 * Liberty).
 */
public class UnreadableTargetFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (readableQuery(request.getQueryString()) && readableHost(request.getHeader("Host"))) {
      chain.doFilter(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
  }

  static boolean readableQuery(String query) {
    if (query == null) {
      return true;
    }
    for (int at = query.indexOf('%'); at >= 0; at = query.indexOf('%', at + 1)) {
      if (at + 2 >= query.length()
          || Character.digit(query.charAt(at + 1), 16) < 0
          || Character.digit(query.charAt(at + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Absent is fine (the server's own name is used); present, it must be a URI authority and nothing
   * more (no path, query or fragment spilling out of it).
   */
  static boolean readableHost(String host) {
    if (host == null) {
      return true;
    }
    try {
      return host.equals(new URI("http://" + host + "/").getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
