package io.cleanusers.application.common.port;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.Username;
import java.util.Optional;

/** The command side's access to users, inside the caller's transaction. */
public interface UserRepository {

  /** Stores a new user; throws {@link UsernameTakenException} if the name is taken. */
  void add(User user);

  /** Writes back a user's changed fields. */
  void update(User user);

  /** Looks a user up by name, ignoring letter case. */
  Optional<User> findByUsername(Username username);

  /** Same, and locks the row until the transaction ends ({@code SELECT ... FOR UPDATE}). */
  Optional<User> findByUsernameForUpdate(Username username);
}
