package io.cleanusers.presentation.rest.filter;

/**
 * The order of the request filters: the path first, then the transport checks
 * (docs/contract/errors.md, "Transport checks"). The correlation id comes earlier still, from a
 * servlet filter ({@code RequestStartFilter}).
 */
final class FilterOrder {

  static final int TRAILING_SLASH = 200;
  static final int ACCEPT_HEADER = 250;
  static final int TRANSPORT = 300;
  static final int SESSION_COOKIE = 400;

  private FilterOrder() {}
}
