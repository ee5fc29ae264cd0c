package io.cleanusers.tools.stress;

import io.cleanusers.it.support.Bodies;
import io.cleanusers.it.support.Routes;
import io.cleanusers.it.support.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One caller of the write load (the super admin or an admin) and the users it alone creates, logs
 * in and changes: the commands on one user are sequential, so the last acknowledged one defines the
 * expected state. A user whose request was not acknowledged (no answer, a timeout, a 503) is in
 * doubt and retired: never touched again. Its choices come from a seeded random, so a run repeats
 * them from its seed (usernames tell the scenario, the worker and the order: {@code c1w3u17}).
 */
final class WriteWorker {

  /** A user of this worker: the state its acknowledged requests set. */
  private static final class Account {
    final String name;
    String role;
    boolean active;
    String password;

    Account(String name, Map<String, String> created) {
      this.name = name;
      apply(created);
    }

    /** The fields an acknowledged request set (journal names). */
    void apply(Map<String, String> sets) {
      role = sets.getOrDefault("role", role);
      active = Boolean.parseBoolean(sets.getOrDefault("active", String.valueOf(active)));
      password = sets.getOrDefault("password", password);
    }
  }

  /** The commands that change one field of a user named in the body, and what each sets. */
  private enum Toggle {
    INACTIVATE(Routes.INACTIVATE, Map.of("active", "false", "sessions", "none")),
    REACTIVATE(Routes.REACTIVATE, Map.of("active", "true")),
    GRANT(Routes.GRANT, Map.of("role", "admin")),
    REVOKE(Routes.REVOKE, Map.of("role", "user"));

    final String route;
    final Map<String, String> sets;

    Toggle(String route, Map<String, String> sets) {
      this.route = route;
      this.sets = sets;
    }

    String op() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final LoadClient api;
  private final String prefix;
  private final boolean superAdmin;
  private final String token;
  private final Random random;
  private final List<Account> accounts = new ArrayList<>();
  private final List<JournalEntry> journal = new ArrayList<>();
  private int next;

  /** Worker {@code index} of the scenario {@code tag}, calling with the session {@code token}. */
  WriteWorker(
      LoadClient api, String tag, int index, boolean superAdmin, String token, Random random) {
    this.api = api;
    this.prefix = tag + "w" + index + "u";
    this.superAdmin = superAdmin;
    this.token = token;
    this.random = random;
  }

  /** Sends requests until the signal; its journal. */
  List<JournalEntry> run(StopSignal stop) throws InterruptedException {
    while (!stop.given()) {
      JournalEntry entry = step();
      journal.add(entry);
      if (!entry.acknowledged()) {
        Thread.sleep(
            200); // as a client told Retry-After would; also keeps a dead server's log short
      }
    }
    return journal;
  }

  /**
   * One request, weighted: sign-up 2, creation 2, log-in 3, inactivation 1, reactivation 1,
   * password change 2, and for a super admin grant 2, revocation 1. A command whose precondition no
   * user meets (nobody inactive to reactivate, ...) becomes a creation.
   */
  private JournalEntry step() {
    int pick = random.nextInt(superAdmin ? 14 : 11);
    if (pick < 2) {
      return create(false);
    } else if (pick < 4) {
      return create(true);
    } else if (pick < 7) {
      return choose(a -> a.active).map(this::login).orElseGet(() -> create(false));
    } else if (pick < 8) {
      return choose(a -> a.active)
          .map(a -> toggle(a, Toggle.INACTIVATE))
          .orElseGet(() -> create(true));
    } else if (pick < 9) {
      return choose(a -> !a.active)
          .map(a -> toggle(a, Toggle.REACTIVATE))
          .orElseGet(() -> create(true));
    } else if (pick < 11) {
      return choose(a -> true).map(this::changePassword).orElseGet(() -> create(true));
    } else if (pick < 13) {
      return choose(a -> a.role.equals("user"))
          .map(a -> toggle(a, Toggle.GRANT))
          .orElseGet(() -> create(true));
    } else {
      return choose(a -> a.role.equals("admin"))
          .map(a -> toggle(a, Toggle.REVOKE))
          .orElseGet(() -> create(true));
    }
  }

  private Optional<Account> choose(Predicate<Account> filter) {
    List<Account> candidates = accounts.stream().filter(filter).toList();
    return candidates.isEmpty()
        ? Optional.empty()
        : Optional.of(candidates.get(random.nextInt(candidates.size())));
  }

  /** Sign-up (anonymous) or creation by the caller; a super admin sometimes creates an admin. */
  private JournalEntry create(boolean byCaller) {
    String name = prefix + next++;
    String password = Secrets.password();
    String role = byCaller && superAdmin && random.nextInt(3) == 0 ? "admin" : "user";
    Answer a =
        byCaller
            ? api.create(name, password, role, token)
            : api.send("POST", Routes.SIGNUP, Bodies.credentials(name, password), null);
    Map<String, String> sets = JournalEntry.newUser(role, password);
    if (a.status() == 201) {
      accounts.add(new Account(name, sets));
    }
    return JournalEntry.of(a, 201, byCaller ? "create" : "signup", name, sets);
  }

  private JournalEntry login(Account account) {
    Answer a = api.login(account.name, account.password);
    if (a.status() == 204 && a.token() == null) {
      return new JournalEntry(
          false, "login", account.name, "204 without cookie", a.endMillis(), Map.of());
    }
    Map<String, String> sets = a.status() == 204 ? JournalEntry.newSession(a.token()) : Map.of();
    return settle(account, JournalEntry.of(a, 204, "login", account.name, sets));
  }

  private JournalEntry toggle(Account account, Toggle toggle) {
    Answer a = api.send("PATCH", toggle.route, Bodies.json("username", account.name), token);
    return settle(account, JournalEntry.of(a, 204, toggle.op(), account.name, toggle.sets));
  }

  private JournalEntry changePassword(Account account) {
    String password = Secrets.password();
    Answer a =
        api.send(
            "PATCH", Routes.CHANGE_PASSWORD, Bodies.credentials(account.name, password), token);
    Map<String, String> sets = Map.of("password", password, "sessions", "none");
    return settle(account, JournalEntry.of(a, 204, "change-password", account.name, sets));
  }

  /**
   * The account takes what an acknowledged request set; a request that was not acknowledged retires
   * it, because its state is now uncertain.
   */
  private JournalEntry settle(Account account, JournalEntry entry) {
    if (entry.acknowledged()) {
      account.apply(entry.sets());
    } else {
      accounts.remove(account);
    }
    return entry;
  }
}
