package io.cleanusers.application.query;

import java.util.Optional;
import java.util.UUID;

/** The read side's port: reads users straight from storage, no entities involved. */
public interface UserReader {

  UserPage list(Pagination pagination, Sorting sorting);

  /** The user's row as the list shows it; empty when no user has that id. */
  Optional<UserListItem> byId(UUID id);
}
