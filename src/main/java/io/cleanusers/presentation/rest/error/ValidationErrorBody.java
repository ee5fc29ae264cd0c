package io.cleanusers.presentation.rest.error;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 422 body: the error description plus every structural problem of the request. */
@Schema(name = "ValidationError")
public record ValidationErrorBody(
    @Schema(required = true, example = "Request validation failed.") String description,
    @Schema(required = true, minItems = 1) List<ValidationProblem> details) {

  public ValidationErrorBody {
    details = List.copyOf(details);
  }
}
