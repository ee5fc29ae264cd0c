package io.cleanusers.application.account.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do, run against the in-memory fake and the PostgreSQL
 * adapter alike: a session is found with what its user's row says now, by each of many callers at
 * once; an opened session stays whatever the surrounding work does; each kind of deletion ends
 * exactly the sessions it names; and the deletions a command makes run only inside its unit of
 * work.
 */
public abstract class SessionStoreContract {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant LATER = T0.plus(Duration.ofMinutes(30));

  protected abstract SessionStore store();

  /** Where the users that own the sessions are kept. */
  protected abstract UserRepository users();

  /** Runs the work as one unit of work, as a command would. */
  protected abstract <T> T inUnitOfWork(Supplier<T> work);

  private User stored(UserRole role) {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    User user =
        new User(
            new UserId(UUID.randomUUID()),
            new Username(name),
            new PasswordHash("h"),
            role,
            true,
            T0,
            T0);
    inUnitOfWork(
        () -> {
          users().add(user);
          return null;
        });
    return user;
  }

  private String open(User user) {
    return store().create(user.id(), T0, LATER).id();
  }

  @Test
  void a_new_session_is_found_with_its_user_and_expiration() {
    User user = stored(UserRole.ADMIN);
    AuthSession created = store().create(user.id(), T0, LATER);
    SessionUser found = store().findWithUser(created.id()).orElseThrow();
    assertEquals(new AuthSession(created.id(), user.id(), LATER), found.session());
    assertEquals(user.username(), found.username());
    assertEquals(UserRole.ADMIN, found.role());
    assertTrue(found.active());
    assertEquals(T0, found.createdAt());
    assertEquals(T0, found.updatedAt());
  }

  @Test
  void a_session_opened_in_a_unit_of_work_that_fails_stays_open() {
    User user = stored(UserRole.USER);
    String[] opened = new String[1];
    assertThrows(
        IllegalStateException.class,
        () ->
            inUnitOfWork(
                () -> {
                  opened[0] = open(user);
                  throw new IllegalStateException("the work fails after opening the session");
                }));
    assertTrue(store().findWithUser(opened[0]).isPresent());
  }

  @Test
  void each_session_gets_an_id_of_its_own() {
    User user = stored(UserRole.USER);
    assertNotEquals(open(user), open(user));
  }

  @Test
  void an_unknown_id_finds_nothing() {
    assertEquals(Optional.empty(), store().findWithUser("no-such-session"));
  }

  @Test
  void lookups_made_at_the_same_time_each_find_their_own_session() throws Exception {
    List<User> owners = Stream.generate(() -> stored(UserRole.USER)).limit(8).toList();
    List<String> sessions = new ArrayList<>(owners.stream().map(this::open).toList());
    sessions.add("no-such-session");
    List<Optional<Username>> expected = new ArrayList<>();
    List<Future<Optional<Username>>> found = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      for (int i = 0; i < 360; i++) {
        int n = i % sessions.size();
        expected.add(n < owners.size() ? Optional.of(owners.get(n).username()) : Optional.empty());
        found.add(
            callers.submit(() -> store().findWithUser(sessions.get(n)).map(SessionUser::username)));
      }
      List<Optional<Username>> actual = new ArrayList<>();
      for (Future<Optional<Username>> lookup : found) {
        actual.add(lookup.get(30, TimeUnit.SECONDS));
      }
      assertEquals(expected, actual);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void the_lookup_shows_the_users_row_as_it_is_now() {
    User user = stored(UserRole.ADMIN);
    String session = open(user);
    inUnitOfWork(
        () -> {
          User current = users().findByUsernameForUpdate(user.username()).orElseThrow();
          current.changeRole(UserRole.USER, LATER);
          current.deactivate(LATER);
          users().update(current);
          return null;
        });
    SessionUser found = store().findWithUser(session).orElseThrow();
    assertEquals(UserRole.USER, found.role());
    assertFalse(found.active());
    assertEquals(LATER, found.updatedAt());
  }

  @Test
  void extending_moves_the_expiration() {
    String session = open(stored(UserRole.USER));
    Instant extended = LATER.plus(Duration.ofMinutes(5));
    store().extend(session, extended);
    assertEquals(extended, store().findWithUser(session).orElseThrow().session().expiration());
  }

  @Test
  void deleting_ends_that_session_only() {
    User user = stored(UserRole.USER);
    String ended = open(user);
    String kept = open(user);
    store().delete(ended);
    assertFalse(store().findWithUser(ended).isPresent());
    assertTrue(store().findWithUser(kept).isPresent());
  }

  @Test
  void deleting_all_of_a_user_ends_theirs_and_no_one_elses() {
    User user = stored(UserRole.USER);
    User other = stored(UserRole.USER);
    String first = open(user);
    String second = open(user);
    String others = open(other);
    assertEquals(2, inUnitOfWork(() -> store().deleteAllOf(user.id())));
    assertFalse(store().findWithUser(first).isPresent());
    assertFalse(store().findWithUser(second).isPresent());
    assertTrue(store().findWithUser(others).isPresent());
  }

  @Test
  void the_deletions_of_a_command_are_refused_outside_a_unit_of_work_and_end_nothing() {
    User user = stored(UserRole.USER);
    String first = open(user);
    String second = open(user);
    assertThrows(IllegalStateException.class, () -> store().deleteAllOf(user.id()));
    assertThrows(IllegalStateException.class, () -> store().deleteAllOfExcept(user.id(), first));
    assertTrue(store().findWithUser(first).isPresent());
    assertTrue(store().findWithUser(second).isPresent());
  }

  @Test
  void deleting_all_now_needs_no_unit_of_work() {
    User user = stored(UserRole.USER);
    String session = open(user);
    assertEquals(1, store().deleteAllOfNow(user.id()));
    assertFalse(store().findWithUser(session).isPresent());
  }

  @Test
  void deleting_all_but_one_keeps_that_one() {
    User user = stored(UserRole.USER);
    String ended = open(user);
    String kept = open(user);
    assertEquals(1, inUnitOfWork(() -> store().deleteAllOfExcept(user.id(), kept)));
    assertFalse(store().findWithUser(ended).isPresent());
    assertTrue(store().findWithUser(kept).isPresent());
  }
}
