package io.cleanusers.presentation.rest.error;

import java.util.List;

/**
 * A request that is structurally wrong (422; docs/contract/errors.md, "Validation errors"); carries
 * all of its problems at once.
 */
public final class RequestValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ValidationProblem> problems;

  public RequestValidationException(List<ValidationProblem> problems) {
    super("Request validation failed.", null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<ValidationProblem> problems() {
    return problems;
  }
}
