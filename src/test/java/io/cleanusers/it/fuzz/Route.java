package io.cleanusers.it.fuzz;

import java.util.List;

/**
 * Every route the service serves (those of docs/contract/routes.md, plus docs, OpenAPI, health and
 * metrics), and one it does not: the method it answers and the JSON fields its body has.
 */
public enum Route {
  ROOT("GET", "/"),
  STATUS("GET", "/api/v1/"),
  SIGNUP("POST", "/api/v1/account/signup", "username", "password"),
  LOGIN("POST", "/api/v1/account/login", "username", "password"),
  LOGOUT("DELETE", "/api/v1/account/logout"),
  OWN_ACCOUNT("GET", "/api/v1/account/me"),
  CREATE_USER("POST", "/api/v1/users/", "username", "password", "role"),
  LIST_USERS("GET", "/api/v1/users/"),
  INACTIVATE("PATCH", "/api/v1/users/inactivate", "username"),
  REACTIVATE("PATCH", "/api/v1/users/reactivate", "username"),
  GRANT("PATCH", "/api/v1/users/grant", "username"),
  REVOKE("PATCH", "/api/v1/users/revoke", "username"),
  CHANGE_PASSWORD(
      "PATCH", "/api/v1/users/change-password", "username", "password", "current_password"),
  DOCS("GET", "/docs/"),
  DOCS_FILE("GET", "/docs/start.js"),
  OPENAPI("GET", "/openapi"),
  HEALTH("GET", "/health"),
  READY("GET", "/health/ready"),
  METRICS("GET", "/metrics"),
  UNKNOWN("GET", "/api/v1/no-such-route");

  private final String method;
  private final String path;
  private final List<String> fields;

  Route(String method, String path, String... fields) {
    this.method = method;
    this.path = path;
    this.fields = List.of(fields);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The JSON fields of its body; empty for a route that takes no body. */
  public List<String> fields() {
    return fields;
  }

  /**
   * Whether a 2xx answer is a document of the service itself (Swagger UI, OpenAPI, metrics) rather
   * than an API answer: such text may name Java types by design.
   */
  public boolean servesDocuments() {
    return this == DOCS || this == DOCS_FILE || this == OPENAPI || this == METRICS;
  }
}
