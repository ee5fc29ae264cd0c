package io.cleanusers.presentation.rest.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds error responses in the contract's shape. */
public final class ErrorResponses {

  public static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

  /**
   * The 503 text and how long clients should wait (docs/contract/errors.md, "Service unavailable").
   */
  public static final String UNAVAILABLE =
      "Service temporarily unavailable. Please try again later.";

  public static final int RETRY_AFTER_SECONDS = 5;

  /** The only text a 500 ever carries (docs/contract/errors.md, "Internal errors"). */
  public static final String INTERNAL_ERROR = "Internal server error.";

  /**
   * Transport refusals (docs/contract/errors.md, "Transport checks"), answered by filters and by
   * the runtime's own exceptions.
   */
  public static final String TOO_LARGE = "Request body too large: the limit is 64 KiB.";

  public static final String NOT_JSON =
      "Unsupported media type: send the body as application/json.";

  private static final Map<Integer, String> DESCRIPTIONS =
      Map.of(
          404, "Not found.",
          405, "Method not allowed.",
          406, "Not acceptable: this API answers with application/json.",
          413, TOO_LARGE,
          415, NOT_JSON);

  private ErrorResponses() {}

  /** The description of a client error the runtime raised: its own text or its reason phrase. */
  public static String describe(int status) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    return DESCRIPTIONS.getOrDefault(
        status, type == null ? "Request refused." : type.getReasonPhrase() + ".");
  }

  public static Response.ResponseBuilder of(int status, String description) {
    return Response.status(status).type(JSON_UTF8).entity(new ErrorBody(description));
  }

  public static Response unavailable() {
    return of(503, UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS).build();
  }

  public static Response internalError() {
    return of(500, INTERNAL_ERROR).build();
  }

  public static Response validation(List<ValidationProblem> problems) {
    return Response.status(422)
        .type(JSON_UTF8)
        .entity(new ValidationErrorBody("Request validation failed.", problems))
        .build();
  }
}
