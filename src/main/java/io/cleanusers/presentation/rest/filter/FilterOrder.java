package io.cleanusers.presentation.rest.filter;

/**
 * The order of the request filters: correlation first, then the transport checks
 * (docs/contract/errors.md, "Transport checks").
 */
final class FilterOrder {

  static final int REQUEST_ID = 100;
  static final int TRAILING_SLASH = 200;
  static final int ACCEPT_HEADER = 250;
  static final int TRANSPORT = 300;
  static final int SESSION_COOKIE = 400;

  private FilterOrder() {}
}
