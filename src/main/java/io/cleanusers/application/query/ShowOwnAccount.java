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

  @Inject IdentityProvider identity;
  @Inject UserReader reader;

  public UserListItem show() {
    var caller = identity.currentCaller();
    return reader.byId(caller.id().value()).orElseThrow(NotAuthenticatedException::new);
  }
}
