package io.cleanusers.application.common.exception;

/** The list was asked to sort by a field it does not offer (400). */
public final class InvalidSortingFieldException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public InvalidSortingFieldException() {
    super("Invalid sorting field.");
  }
}
