package io.cleanusers.application.query;

/** How the user list is ordered; ties are always broken by id in the same direction. */
public record Sorting(SortingField field, boolean descending) {

  public static final Sorting DEFAULT = new Sorting(SortingField.USERNAME, false);
}
