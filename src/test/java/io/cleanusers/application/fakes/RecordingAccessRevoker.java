package io.cleanusers.application.fakes;

import io.cleanusers.application.common.port.AccessRevoker;
import io.cleanusers.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions as a map of user to session ids, with one of them the current request's. Revoking
 * removes sessions and records which ones went.
 */
public final class RecordingAccessRevoker implements AccessRevoker {

  private final Map<UserId, Set<String>> sessions = new HashMap<>();
  private final List<String> revoked = new ArrayList<>();
  private Optional<String> current = Optional.empty();
  private int nextId = 1;

  public String openSession(UserId user) {
    String id = "session-" + nextId++;
    sessions.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(id);
    return id;
  }

  public void useAsCurrent(String sessionId) {
    current = Optional.of(sessionId);
  }

  public Set<String> sessionsOf(UserId user) {
    return Set.copyOf(sessions.getOrDefault(user, Set.of()));
  }

  /** Every session revoked so far, in order. */
  public List<String> revoked() {
    return List.copyOf(revoked);
  }

  @Override
  public void revokeAll(UserId user) {
    revokeWhere(user, id -> true);
  }

  @Override
  public void revokeAllButCurrent(UserId user) {
    revokeWhere(user, id -> current.map(c -> !c.equals(id)).orElse(true));
  }

  private void revokeWhere(UserId user, java.util.function.Predicate<String> doomed) {
    Set<String> ofUser = sessions.getOrDefault(user, new LinkedHashSet<>());
    List<String> going = ofUser.stream().filter(doomed).toList();
    ofUser.removeAll(going);
    revoked.addAll(going);
  }
}
