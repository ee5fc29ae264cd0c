package io.cleanusers.presentation.rest.filter;

import io.cleanusers.presentation.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The transport checks (docs/contract/errors.md, "Transport checks"), in order: a body of ambiguous
 * length (400: {@code Content-Length} headers that disagree, or repeats the runtime cannot read as
 * one length, which it would otherwise fail on with a 500; Open Liberty lists a single header twice
 * itself), body over 64 KiB (413), body that is not JSON (415), state-changing request from another
 * site (403, the CSRF defence).
 */
@Provider
@PreMatching
@Priority(FilterOrder.TRANSPORT)
public class TransportGuardFilter implements ContainerRequestFilter {

  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;
  private static final String AMBIGUOUS_LENGTH =
      "Bad request: send at most one Content-Length header.";
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Inject WebSettings web;

  @Override
  public void filter(ContainerRequestContext request) {
    OptionalInt length = declaredLength(request);
    if (length.isEmpty()) {
      request.abortWith(
          ErrorResponses.of(400, AMBIGUOUS_LENGTH).header("Connection", "close").build());
    } else if (length.getAsInt() > MAX_BODY_BYTES) {
      request.abortWith(tooLarge(request));
    } else if (hasBody(request) && !isJson(request.getMediaType())) {
      request.abortWith(ErrorResponses.of(415, ErrorResponses.NOT_JSON).build());
    } else if (STATE_CHANGING.contains(request.getMethod()) && isCrossSite(request)) {
      request.abortWith(ErrorResponses.of(403, "Cross-site request refused.").build());
    } else {
      request.setEntityStream(new BoundedInputStream(request.getEntityStream(), MAX_BODY_BYTES));
    }
  }

  /**
   * The body's declared length (-1 when none is declared), or empty when the Content-Length headers
   * disagree or the runtime cannot read them as one length.
   */
  private static OptionalInt declaredLength(ContainerRequestContext request) {
    List<String> lengths = request.getHeaders().get(HttpHeaders.CONTENT_LENGTH);
    if (lengths != null && !lengths.stream().allMatch(lengths.get(0)::equals)) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(request.getLength());
    } catch (RuntimeException unreadable) {
      return OptionalInt.empty();
    }
  }

  /**
   * 413, after reading what the client is sending (up to a bound), so that a client that writes its
   * whole body before reading the answer gets to read it; past the bound the connection is closed.
   */
  private static Response tooLarge(ContainerRequestContext request) {
    Response.ResponseBuilder response = ErrorResponses.of(413, ErrorResponses.TOO_LARGE);
    if (!drained(request.getEntityStream())) {
      response.header("Connection", "close");
    }
    return response.build();
  }

  /** Reads and discards the body; false when it is longer than the bound or unreadable. */
  private static boolean drained(InputStream body) {
    byte[] buffer = new byte[8192];
    try (body) {
      long total = 0;
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        total += n;
        if (total > MAX_DRAIN_BYTES) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
        && !type.isWildcardType()
        && !type.isWildcardSubtype();
  }

  private boolean isCrossSite(ContainerRequestContext request) {
    String fetchSite = request.getHeaderString("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(fetchSite)) {
      return true;
    }
    String origin = request.getHeaderString("Origin");
    return origin != null
        && !origin.equalsIgnoreCase(ownOrigin(request))
        && web.allowedOrigins().stream().noneMatch(origin::equalsIgnoreCase);
  }

  /** scheme://host[:port] as the client addressed this service. */
  private static String ownOrigin(ContainerRequestContext request) {
    URI base = request.getUriInfo().getBaseUri();
    String host = request.getHeaderString(HttpHeaders.HOST);
    String authority = host != null ? host : base.getAuthority();
    return base.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT);
  }
}
