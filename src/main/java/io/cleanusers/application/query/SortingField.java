package io.cleanusers.application.query;

import io.cleanusers.application.common.exception.InvalidSortingFieldException;
import java.util.Arrays;

/** The fields the user list can be sorted by (docs/contract/routes.md, "List users"). */
public enum SortingField {
  ID("id"),
  USERNAME("username"),
  ROLE("role"),
  IS_ACTIVE("is_active"),
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at");

  private final String fieldName;

  SortingField(String fieldName) {
    this.fieldName = fieldName;
  }

  public String fieldName() {
    return fieldName;
  }

  /** The field of that name; an unknown name is a 400 "Invalid sorting field.". */
  public static SortingField named(String name) {
    return Arrays.stream(values())
        .filter(f -> f.fieldName.equals(name))
        .findFirst()
        .orElseThrow(InvalidSortingFieldException::new);
  }
}
