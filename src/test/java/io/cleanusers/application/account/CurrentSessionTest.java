package io.cleanusers.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.account.SessionCredentials.CookieChange;
import io.cleanusers.application.account.policy.RenewalPolicy;
import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.fakes.FakeUnitOfWork;
import io.cleanusers.application.fakes.FixedClock;
import io.cleanusers.application.fakes.InMemorySessionStore;
import io.cleanusers.application.fakes.InMemoryUserRepository;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.auth.JwtSessionTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who is calling, at each request: the row is the truth (deleted → 401), the user's row gives the
 * role, an inactive user's sessions go on the spot, and a session near its end is renewed with a
 * new cookie (5 min TTL × 0.2 → renewal below 1 min left).
 */
class CurrentSessionTest {

  private static final Instant NOW = AuthBed.NOW;
  private static final Duration TTL = AuthBed.TTL;

  private final FixedClock clock = new FixedClock(NOW);
  private final JwtSessionTokens tokens = new JwtSessionTokens(AuthBed.SECRET, "HS256");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemorySessionStore store = new InMemorySessionStore(users, new FakeUnitOfWork());
  private final SessionCredentials credentials = new SessionCredentials();
  private final UserId userId = new UserId(UUID.randomUUID());
  private final RequestContext request = new RequestContext();

  private CurrentSession provider() {
    SessionLifecycle lifecycle =
        new SessionLifecycle(
            store, tokens, credentials, new RenewalPolicy(TTL, AuthBed.RENEW_BELOW), clock);
    return new CurrentSession(credentials, tokens, store, lifecycle, request, clock);
  }

  /** The user alice, a session row of hers expiring after {@code left}, and its token. */
  private String requestWithSession(Duration left, UserRole role, boolean active) {
    users.add(
        new User(userId, new Username("alice"), new PasswordHash("h"), role, active, NOW, NOW));
    AuthSession session = store.create(userId, NOW, NOW.plus(left));
    credentials.receive(tokens.issue(session.id(), NOW.plus(TTL)));
    return session.id();
  }

  @Test
  void a_valid_session_identifies_its_user_with_the_role_of_their_row() {
    requestWithSession(TTL, UserRole.ADMIN, true);
    Caller caller = provider().currentCaller();
    assertEquals(userId, caller.id());
    assertEquals("alice", caller.username().value());
    assertEquals(UserRole.ADMIN, caller.role());
  }

  @Test
  void a_request_without_a_token_is_not_authenticated() {
    assertThrows(NotAuthenticatedException.class, () -> provider().currentCaller());
  }

  @Test
  void a_forged_token_is_not_authenticated() {
    String id = requestWithSession(TTL, UserRole.USER, true);
    credentials.receive(
        new JwtSessionTokens(AuthBed.SECRET + "-other", "HS256").issue(id, NOW.plus(TTL)));
    assertThrows(NotAuthenticatedException.class, () -> provider().currentCaller());
  }

  @Test
  void a_genuine_token_of_a_deleted_session_is_not_authenticated() {
    String id = requestWithSession(TTL, UserRole.USER, true);
    store.delete(id);
    assertThrows(NotAuthenticatedException.class, () -> provider().currentCaller());
  }

  @Test
  void an_inactive_users_request_is_not_authenticated_and_all_their_sessions_end() {
    String id = requestWithSession(TTL, UserRole.USER, false);
    String other = store.create(userId, NOW, NOW.plus(TTL)).id();
    assertThrows(NotAuthenticatedException.class, () -> provider().currentCaller());
    assertFalse(store.row(id).isPresent());
    assertFalse(store.row(other).isPresent());
  }

  @Test
  void a_session_whose_row_has_expired_is_not_authenticated_even_with_a_live_token() {
    String id = requestWithSession(Duration.ofSeconds(-1), UserRole.USER, true);
    assertThrows(NotAuthenticatedException.class, () -> provider().currentCaller());
    assertFalse(store.row(id).isPresent());
    assertEquals(CookieChange.NONE, credentials.change());
  }

  @Test
  void a_session_near_its_end_is_extended_to_a_full_ttl_with_a_new_cookie() {
    String id = requestWithSession(Duration.ofSeconds(30), UserRole.USER, true);
    provider().currentCaller();
    assertEquals(NOW.plus(TTL), store.row(id).orElseThrow().expiration());
    assertEquals(CookieChange.SET, credentials.change());
    assertEquals(
        Optional.of(id), tokens.sessionIdOf(credentials.outgoing(), NOW.plus(TTL).minusSeconds(1)));
  }

  @Test
  void a_session_with_plenty_left_is_not_renewed() {
    String id = requestWithSession(Duration.ofMinutes(2), UserRole.USER, true);
    provider().currentCaller();
    assertEquals(NOW.plus(Duration.ofMinutes(2)), store.row(id).orElseThrow().expiration());
    assertEquals(CookieChange.NONE, credentials.change());
  }

  @Test
  void a_role_change_applies_on_the_very_next_request() {
    requestWithSession(TTL, UserRole.ADMIN, true);
    assertEquals(UserRole.ADMIN, provider().currentCaller().role());
    User alice = users.findByUsernameForUpdate(new Username("alice")).orElseThrow();
    alice.changeRole(UserRole.USER, NOW);
    users.update(alice);
    assertEquals(UserRole.USER, provider().currentCaller().role());
  }

  @Test
  void the_answer_is_kept_for_the_rest_of_the_request() {
    String id = requestWithSession(TTL, UserRole.USER, true);
    CurrentSession provider = provider();
    provider.currentCaller();
    store.delete(id);
    assertTrue(provider.find().isPresent());
    assertEquals(id, provider.find().orElseThrow().sessionId());
  }

  @Test
  void the_logs_of_the_request_name_the_caller_once_they_are_known() {
    requestWithSession(TTL, UserRole.USER, true);
    provider().currentCaller();
    assertEquals(Optional.of(userId.toString()), request.userId());
  }

  @Test
  void the_logs_of_an_anonymous_request_name_nobody() {
    provider().find();
    assertEquals(Optional.empty(), request.userId());
  }
}
