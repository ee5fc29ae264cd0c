package io.cleanusers.application.fakes;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.Username;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users kept in a map, unique regardless of letter case like the {@code users} table. It hands out
 * and stores copies, so a change an interactor makes counts only once it calls {@link #update}, as
 * with a database.
 */
public final class InMemoryUserRepository implements UserRepository {

  private final Map<String, User> byKey = new LinkedHashMap<>();
  private final List<User> updates = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();

  @Override
  public void add(User user) {
    String key = user.username().key();
    if (byKey.containsKey(key)) {
      throw new UsernameTakenException(user.username().value());
    }
    byKey.put(key, copy(user));
  }

  @Override
  public void update(User user) {
    String key = user.username().key();
    User stored = byKey.get(key);
    if (stored == null || !stored.id().equals(user.id())) {
      throw new IllegalStateException("update of a user that was never added: " + user.id());
    }
    byKey.put(key, copy(user));
    updates.add(copy(user));
  }

  @Override
  public Optional<User> findByUsername(Username username) {
    lookups.add(username.value());
    return Optional.ofNullable(byKey.get(username.key())).map(InMemoryUserRepository::copy);
  }

  @Override
  public Optional<User> findByUsernameForUpdate(Username username) {
    return findByUsername(username);
  }

  /** The stored state of the user with that id. */
  public Optional<User> stored(UserId id) {
    return byKey.values().stream()
        .filter(u -> u.id().equals(id))
        .findFirst()
        .map(InMemoryUserRepository::copy);
  }

  /** The stored state of a user, looked up regardless of letter case. */
  public Optional<User> stored(String username) {
    return Optional.ofNullable(byKey.get(new Username(username).key()))
        .map(InMemoryUserRepository::copy);
  }

  public Collection<User> all() {
    return byKey.values().stream().map(InMemoryUserRepository::copy).toList();
  }

  /** Every {@link #update} call, in order. */
  public List<User> updates() {
    return List.copyOf(updates);
  }

  /** Every name looked up, in order. */
  public List<String> lookups() {
    return List.copyOf(lookups);
  }

  private static User copy(User u) {
    return new User(
        u.id(),
        u.username(),
        u.passwordHash(),
        u.role(),
        u.isActive(),
        u.createdAt(),
        u.updatedAt());
  }
}
