package io.cleanusers.application.query;

import io.cleanusers.application.common.port.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class ShowOwnAccount {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to logged-in users. Returns the caller's own"
          + " record, read from storage on every call, so a role change or an inactivation shows"
          + " at once.";

  // The record comes with the caller: the session lookup that identifies them reads their row.

  private final IdentityProvider identity;

  @Inject
  public ShowOwnAccount(IdentityProvider identity) {
    this.identity = identity;
  }

  /** For CDI's client proxy only. */
  protected ShowOwnAccount() {
    this(null);
  }

  /** Only an active user is a caller, hence {@code active} is always true here. */
  public UserListItem show() {
    var caller = identity.currentCaller();
    return new UserListItem(
        caller.id().value(),
        caller.username().value(),
        caller.role().wireName(),
        true,
        caller.createdAt(),
        caller.updatedAt());
  }
}
