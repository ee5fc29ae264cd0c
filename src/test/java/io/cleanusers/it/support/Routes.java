package io.cleanusers.it.support;

/** The API paths the integration tests call (docs/contract/routes.md), each written once. */
public final class Routes {

  public static final String SIGNUP = "/api/v1/account/signup";
  public static final String LOGIN = "/api/v1/account/login";
  public static final String LOGOUT = "/api/v1/account/logout";
  public static final String ME = "/api/v1/account/me";

  public static final String USERS = "/api/v1/users/";
  public static final String INACTIVATE = "/api/v1/users/inactivate";
  public static final String REACTIVATE = "/api/v1/users/reactivate";
  public static final String GRANT = "/api/v1/users/grant";
  public static final String REVOKE = "/api/v1/users/revoke";
  public static final String CHANGE_PASSWORD = "/api/v1/users/change-password";

  private Routes() {}
}
