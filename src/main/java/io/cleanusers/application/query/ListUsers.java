package io.cleanusers.application.query;

import io.cleanusers.application.common.authorization.Permissions;
import io.cleanusers.application.common.port.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class ListUsers {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to admins and super admins. Lists every user,"
          + " inactive ones and super admins included, a page at a time, sorted by one field with"
          + " ties broken by id, with the total count.";

  private final IdentityProvider identity;
  private final UserReader reader;

  @Inject
  public ListUsers(IdentityProvider identity, UserReader reader) {
    this.identity = identity;
    this.reader = reader;
  }

  /** For CDI's client proxy only. */
  protected ListUsers() {
    this(null, null);
  }

  public UserPage list(Pagination pagination, String sortingField, boolean descending) {
    Permissions.requireManagesAnyone(identity.currentCaller());
    Sorting sorting =
        sortingField == null
            ? new Sorting(Sorting.DEFAULT.field(), descending)
            : new Sorting(SortingField.named(sortingField), descending);
    return reader.list(pagination, sorting);
  }
}
