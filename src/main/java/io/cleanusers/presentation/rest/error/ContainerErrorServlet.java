package io.cleanusers.presentation.rest.error;

import io.cleanusers.presentation.rest.correlation.RequestIds;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page (WEB-INF/web.xml) for what the servlet container refuses before JAX-RS sees the
 * request, e.g. a path under {@code /WEB-INF}, a header Jersey cannot parse, a method the server's
 * own endpoints (metrics, health) do not implement: the contract's JSON error body and headers
 * instead of the server's HTML page (docs/contract/errors.md, "Unknown route and wrong method").
 * Reached directly, it is an unknown route. The builder factory is made once, as in {@code
 * JsonBodyReader}: each static {@code Json} call looks the JSON-P provider up anew.
 */
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = contractStatus(code instanceof Integer number && number >= 400 ? number : 404);
    String description =
        status == 500 ? ErrorResponses.INTERNAL_ERROR : ErrorResponses.describe(status);
    response.setStatus(status);
    response.setContentType(ErrorResponses.JSON_UTF8.toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
    byte[] body =
        JSON.createObjectBuilder()
            .add("description", description)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * A 501 is how a servlet answers a method it does not implement: for the client that is a known
   * route with a wrong method, a 405. Any other server error is a 500.
   */
  private static int contractStatus(int status) {
    if (status == 501) {
      return 405;
    }
    return status >= 500 ? 500 : status;
  }
}
