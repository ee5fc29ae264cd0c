package io.cleanusers.application.query;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
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

  private final IdentityProvider identity;
  private final UserReader reader;

  @Inject
  public ShowOwnAccount(IdentityProvider identity, UserReader reader) {
    this.identity = identity;
    this.reader = reader;
  }

  /** For CDI's client proxy only. */
  protected ShowOwnAccount() {
    this(null, null);
  }

  public UserListItem show() {
    var caller = identity.currentCaller();
    return reader.byId(caller.id().value()).orElseThrow(NotAuthenticatedException::new);
  }
}
