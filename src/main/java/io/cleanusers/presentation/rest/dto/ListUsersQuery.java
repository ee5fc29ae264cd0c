package io.cleanusers.presentation.rest.dto;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.presentation.rest.error.RequestValidationException;
import io.cleanusers.presentation.rest.error.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of list users (GET /api/v1/users; docs/contract/routes.md, "List users"),
 * checked for structure: integers in range and a known sort order are 422 problems, all reported at
 * once. Empty values mean the defaults. Whether the sorting field exists is a business rule (400)
 * left to the use case.
 */
public record ListUsersQuery(Pagination pagination, String sortingField, boolean descending) {

  public static ListUsersQuery parse(
      String limit, String offset, String sortingField, String sortingOrder) {
    List<ValidationProblem> problems = new ArrayList<>();
    long parsedLimit =
        integer("limit", limit, Pagination.DEFAULT_LIMIT, 1, Pagination.MAX_LIMIT, problems);
    long parsedOffset = integer("offset", offset, 0, 0, Long.MAX_VALUE, problems);
    boolean descending = descending(sortingOrder, problems);
    if (!problems.isEmpty()) {
      throw new RequestValidationException(problems);
    }
    return new ListUsersQuery(
        new Pagination((int) parsedLimit, parsedOffset),
        isBlank(sortingField) ? null : sortingField,
        descending);
  }

  private static long integer(
      String name,
      String raw,
      long fallback,
      long min,
      long max,
      List<ValidationProblem> problems) {
    if (isBlank(raw)) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.strip());
      if (value < min) {
        problems.add(
            ValidationProblem.query(
                name, "Input should be greater than or equal to " + min, "greater_than_equal"));
      } else if (value > max) {
        problems.add(
            ValidationProblem.query(
                name, "Input should be less than or equal to " + max, "less_than_equal"));
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(ValidationProblem.query(name, "Input should be a valid integer", "int_parsing"));
      return fallback;
    }
  }

  private static boolean descending(String raw, List<ValidationProblem> problems) {
    if (isBlank(raw)) {
      return false;
    }
    switch (raw.strip().toUpperCase(Locale.ROOT)) {
      case "ASC":
        return false;
      case "DESC":
        return true;
      default:
        problems.add(
            ValidationProblem.query("sorting_order", "Input should be 'ASC' or 'DESC'", "enum"));
        return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
