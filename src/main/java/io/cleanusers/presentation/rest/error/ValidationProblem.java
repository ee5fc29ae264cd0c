package io.cleanusers.presentation.rest.error;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One structural problem of a request: where it is, what is wrong, and its kind. */
@Schema(name = "ValidationProblem")
public record ValidationProblem(
    @Schema(required = true, minItems = 1, example = "[\"body\", \"username\"]") List<String> loc,
    @Schema(required = true, example = "Field required") String msg,
    @Schema(required = true, example = "missing") String type) {

  public ValidationProblem {
    loc = List.copyOf(loc);
  }

  public static ValidationProblem body(String field, String msg, String type) {
    return new ValidationProblem(
        field == null ? List.of("body") : List.of("body", field), msg, type);
  }

  public static ValidationProblem query(String parameter, String msg, String type) {
    return new ValidationProblem(List.of("query", parameter), msg, type);
  }
}
