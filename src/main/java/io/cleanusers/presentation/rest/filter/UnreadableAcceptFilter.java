package io.cleanusers.presentation.rest.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code Accept} header with a quality value that is not one (RFC 9110 12.4.2, e.g. {@code
 * text/*;q=abc}) counts as absent: the API answers JSON whatever the client accepts, and some
 * JAX-RS runtimes (RESTEasy on WildFly and Open Liberty) fail on such a header with a 500 while
 * matching the route.
 */
@Provider
@PreMatching
@Priority(FilterOrder.ACCEPT_HEADER)
public class UnreadableAcceptFilter implements ContainerRequestFilter {

  private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accept != null && !accept.stream().allMatch(UnreadableAcceptFilter::readable)) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
  }

  private static boolean readable(String header) {
    for (String range : header.split(",")) {
      for (String parameter : range.split(";")) {
        String[] pair = parameter.split("=", 2);
        if (pair[0].strip().equalsIgnoreCase("q")
            && (pair.length < 2 || !QUALITY.matcher(pair[1].strip()).matches())) {
          return false;
        }
      }
    }
    return true;
  }
}
