import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load driver and checker of {@code make stress} (scripts/stress.sh, which starts and kills the
 * processes; this program only talks HTTP to the service and SQL, through psql, to its database).
 *
 * <pre>
 *   write    write load (sign-ups, log-ins, admin commands) at a given concurrency until a time
 *            limit or a stop file; every request goes to the journal (journal.tsv) as
 *            acknowledged (201/204) or not, with the state it sets
 *   verify   replays the journal and checks every acknowledged request against the database
 *            (psql) and by logging in; integrity queries; the service serves again
 *   read     read load (GET /api/v1/users/?limit=20 with admin sessions) across a database
 *            outage whose start and end the script writes to an events file; latencies, status
 *            codes and throughput before, during and after
 *   summary  the final table of the three scenarios, also as summary.md and summary.json
 *   selftest the checker, on a made-up journal: it must see each kind of lost write
 * </pre>
 *
 * <p>Every worker of the write load owns its users: only it creates, logs in or changes them, so
 * the commands on one user are sequential and the last acknowledged one defines the expected
 * state. A request without an acknowledgement (no answer, a timeout, a 503) may or may not have
 * taken effect: its user is retired (never touched again) and the state it would have set is
 * accepted as well. Each command writes a result file of {@code key=value} lines with
 * {@code ok=true|false} that the summary reads.
 *
 * <p>Runs on a JDK 17 without dependencies: {@code java scripts/stress/Stress.java <command>
 * --option value ...}.
 */
public final class Stress {

  private Stress() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Stress write|verify|read|summary --option value ...");
      System.exit(2);
    }
    Options options = Options.parse(args);
    int status = switch (args[0]) {
      case "write" -> new WriteLoad(options).run();
      case "verify" -> new Verify(options).run();
      case "read" -> new ReadLoad(options).run();
      case "summary" -> Summary.run(options);
      case "selftest" -> SelfTest.run();
      default -> {
        System.err.println("unknown command " + args[0]);
        yield 2;
      }
    };
    System.exit(status);
  }

  // --- Command line and result files ------------------------------------------------------------

  /** {@code --name value} pairs after the command. */
  record Options(Map<String, String> values) {

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 1; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("expected --option, got " + args[i]);
        }
        values.put(args[i].substring(2), args[i + 1]);
      }
      return new Options(values);
    }

    String get(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("missing --" + name);
      }
      return value;
    }

    String get(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(get(name, String.valueOf(fallback)));
    }

    Path path(String name) {
      return Path.of(get(name));
    }
  }

  /** An ordered {@code key=value} file (java.util.Properties would reorder and escape). */
  static final class Result {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    Result put(String key, Object value) {
      values.put(key, String.valueOf(value));
      return this;
    }

    void problem(String text) {
      problems.add(text);
      System.out.println("  PROBLEM: " + text);
    }

    boolean ok() {
      return problems.isEmpty();
    }

    int write(Path file) throws IOException {
      put("ok", ok());
      put("problems", String.join(" | ", problems));
      StringBuilder text = new StringBuilder();
      values.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
      return ok() ? 0 : 1;
    }

    static Map<String, String> read(Path file) throws IOException {
      Map<String, String> values = new LinkedHashMap<>();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            values.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
      }
      return values;
    }
  }

  static long epochMillis() {
    return System.currentTimeMillis();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- HTTP ---------------------------------------------------------------------------------------

  /** One answer, or its absence: {@link #NO_ANSWER} (refused, reset) or {@link #TIMED_OUT}. */
  record Answer(int status, String body, String token, long startMillis, long endMillis,
      long micros) {
    static final int NO_ANSWER = -1;
    static final int TIMED_OUT = -2;

    boolean acknowledged() {
      return status == 201 || status == 204;
    }

    boolean answered() {
      return status > 0;
    }

    String statusText() {
      return switch (status) {
        case NO_ANSWER -> "no answer";
        case TIMED_OUT -> "timeout";
        default -> String.valueOf(status);
      };
    }
  }

  /** The service's HTTP API with the session cookie passed explicitly (one per worker). */
  static final class Api {
    private static final Pattern COOKIE = Pattern.compile("^access_token=([^;]+)");
    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    Api(String base, Duration timeout) {
      this.base = base.replaceAll("/$", "");
      this.timeout = timeout;
      this.http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    Answer call(String method, String path, String json, String token) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
      if (token != null) {
        request.header("Cookie", "access_token=" + token);
      }
      if (json == null) {
        request.method(method, BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, BodyPublishers.ofString(json));
      }
      long start = epochMillis();
      long t0 = System.nanoTime();
      int status;
      String body = "";
      String newToken = null;
      try {
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        status = response.statusCode();
        body = response.body();
        for (String cookie : response.headers().allValues("set-cookie")) {
          Matcher m = COOKIE.matcher(cookie);
          if (m.find()) {
            newToken = m.group(1);
          }
        }
      } catch (HttpConnectTimeoutException e) {
        status = Answer.NO_ANSWER;
      } catch (HttpTimeoutException e) {
        status = Answer.TIMED_OUT;
      } catch (IOException e) {
        status = Answer.NO_ANSWER;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = Answer.NO_ANSWER;
      }
      long micros = (System.nanoTime() - t0) / 1000;
      return new Answer(status, body, newToken, start, epochMillis(), micros);
    }

    Answer login(String username, String password) {
      return call("POST", "/api/v1/account/login", credentials(username, password), null);
    }

    static String credentials(String username, String password) {
      return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
  }

  /** The session id ({@code sid}) inside the cookie's JWT, as stored in auth_sessions.id. */
  static String sessionId(String jwt) {
    String[] parts = jwt.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
    if (!m.find()) {
      throw new IllegalStateException("no sid in the token's claims " + claims);
    }
    return m.group(1);
  }

  // --- Journal --------------------------------------------------------------------------------------

  /**
   * One request of the write load: who, what, the answer, and the state it sets when it took
   * effect, as fields: {@code exists}, {@code role}, {@code active}, {@code password},
   * {@code session:<id>} (a log-in's new session) and {@code sessions} = {@code none} (an
   * inactivation or password change deletes the user's sessions).
   *
   * <p>Line: {@code ack|nak <tab> op <tab> user <tab> status <tab> endMillis <tab> k=v,k=v}.
   */
  record Entry(boolean acknowledged, String op, String user, String status, long endMillis,
      Map<String, String> sets) {

    String line() {
      String fields = sets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(","));
      return String.join("\t", acknowledged ? "ack" : "nak", op, user, status,
          String.valueOf(endMillis), fields);
    }

    static Entry parse(String line) {
      String[] p = line.split("\t", -1);
      Map<String, String> sets = new LinkedHashMap<>();
      if (!p[5].isEmpty()) {
        for (String kv : p[5].split(",")) {
          int eq = kv.indexOf('=');
          sets.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      return new Entry(p[0].equals("ack"), p[1], p[2], p[3], Long.parseLong(p[4]), sets);
    }
  }

  // --- Write load ---------------------------------------------------------------------------------

  /** {@code write}: the load of scenarios 1 and 2. */
  static final class WriteLoad {
    private final Options options;
    private final Api api;
    private final AtomicBoolean stop = new AtomicBoolean();

    WriteLoad(Options options) {
      this.options = options;
      this.api = new Api(options.get("url"), Duration.ofSeconds(options.integer("timeout", 30)));
    }

    int run() throws Exception {
      Path out = options.path("out");
      Files.createDirectories(out);
      int concurrency = options.integer("concurrency", 8);
      long seed = Long.parseLong(options.get("seed"));
      String tag = options.get("tag");
      String root = options.get("root-user");
      String rootPassword = options.get("root-password");
      Result result = new Result();

      // Set-up, sequential: sessions for the callers; admins for the workers past the first two.
      List<String> setup = new ArrayList<>();
      List<Worker> workers = new ArrayList<>();
      String rootToken = setupLogin(root, rootPassword, setup);
      for (int i = 0; i < concurrency; i++) {
        boolean superAdmin = i < 2;
        String token;
        if (superAdmin) {
          token = setupLogin(root, rootPassword, setup);
        } else {
          String admin = tag + "w" + i + "adm";
          String password = "adm-" + seed + "-" + i;
          Answer created = api.call("POST", "/api/v1/users/",
              "{\"username\":\"" + admin + "\",\"password\":\"" + password
                  + "\",\"role\":\"admin\"}", rootToken);
          if (created.status() != 201) {
            throw new IllegalStateException("set-up: creating " + admin + " answered "
                + created.statusText() + " " + created.body());
          }
          setup.add(new Entry(true, "create", admin, "201", created.endMillis(), Map.of(
              "exists", "true", "role", "admin", "active", "true", "password", password)).line());
          token = setupLogin(admin, password, setup);
        }
        workers.add(new Worker(i, tag, superAdmin, token, new Random(seed * 31 + i)));
      }

      Path stopFile = options.path("stop-file");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("seconds", 20));
      Thread watcher = new Thread(() -> {
        while (!stop.get()) {
          if (Files.exists(stopFile) || System.nanoTime() > deadline) {
            stop.set(true);
          }
          sleep(50);
        }
      });
      watcher.setDaemon(true);
      watcher.start();

      long started = epochMillis();
      Files.writeString(options.path("started-file"), String.valueOf(started));
      System.out.printf("  write load: %d workers (2 as the super admin, %d as admins), seed %d%n",
          concurrency, concurrency - 2, seed);
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<?>> running = new ArrayList<>();
      for (Worker worker : workers) {
        running.add(pool.submit(worker::run));
      }
      for (Future<?> f : running) {
        f.get();
      }
      pool.shutdown();
      stop.set(true);
      long ended = epochMillis();

      List<String> lines = new ArrayList<>(setup);
      workers.forEach(w -> w.journal.forEach(e -> lines.add(e.line())));
      Files.write(out.resolve("journal.tsv"), lines);

      List<Entry> load = workers.stream().flatMap(w -> w.journal.stream()).toList();
      Map<String, Long> byStatus = load.stream()
          .collect(Collectors.groupingBy(Entry::status, TreeMap::new, Collectors.counting()));
      Map<String, Long> byOp = load.stream().filter(Entry::acknowledged)
          .collect(Collectors.groupingBy(Entry::op, TreeMap::new, Collectors.counting()));
      long acked = load.stream().filter(Entry::acknowledged).count();
      result.put("load_seconds", String.format("%.1f", (ended - started) / 1000.0))
          .put("sent", load.size())
          .put("acknowledged", acked)
          .put("setup_requests", setup.size())
          .put("no_answer", byStatus.getOrDefault("no answer", 0L)
              + byStatus.getOrDefault("timeout", 0L))
          .put("timeouts", byStatus.getOrDefault("timeout", 0L))
          .put("status_counts", byStatus)
          .put("acknowledged_by_op", byOp);
      for (Map.Entry<String, Long> e : byStatus.entrySet()) {
        if (!Set.of("201", "204", "503", "no answer").contains(e.getKey())) {
          result.problem(e.getValue() + " requests answered " + e.getKey()
              + " (expected 201/204, or 503 / no answer while something is down)");
        }
      }
      Map<String, String> events = Result.read(options.path("events"));
      if (events.containsKey("up_epoch_ms")) {
        long up = Long.parseLong(events.get("up_epoch_ms"));
        List<Entry> after = load.stream()
            .filter(e -> e.acknowledged() && e.endMillis() >= up).toList();
        result.put("acknowledged_after_recovery", after.size());
        Optional<Long> first = after.stream().map(Entry::endMillis).min(Long::compare);
        result.put("first_ack_after_recovery_ms", first.map(t -> t - up).orElse(-1L));
        if (after.isEmpty()) {
          result.problem("no request was acknowledged after the database came back");
        }
      }
      System.out.printf("  write load: %d requests in %.1f s, %d acknowledged; statuses %s%n",
          load.size(), (ended - started) / 1000.0, acked, byStatus);
      return result.write(out.resolve("load.properties"));
    }

    private String setupLogin(String user, String password, List<String> setup) {
      Answer a = api.login(user, password);
      if (a.status() != 204 || a.token() == null) {
        throw new IllegalStateException("set-up: log-in of " + user + " answered "
            + a.statusText() + " " + a.body());
      }
      setup.add(new Entry(true, "login", user, "204", a.endMillis(),
          Map.of("session:" + sessionId(a.token()), "present")).line());
      return a.token();
    }

    /** A user of one worker: the state its acknowledged requests set. */
    static final class Account {
      final String name;
      String role;
      boolean active = true;
      String password;

      Account(String name, String role, String password) {
        this.name = name;
        this.role = role;
        this.password = password;
      }
    }

    /** One caller (super admin or admin) and the users it alone works on. */
    final class Worker {
      private final int index;
      private final String prefix;
      private final boolean superAdmin;
      private final String token;
      private final Random random;
      private final List<Account> accounts = new ArrayList<>();
      final List<Entry> journal = new ArrayList<>();
      private int next;

      Worker(int index, String tag, boolean superAdmin, String token, Random random) {
        this.index = index;
        this.prefix = tag + "w" + index + "u";
        this.superAdmin = superAdmin;
        this.token = token;
        this.random = random;
      }

      void run() {
        while (!stop.get()) {
          Entry entry = step();
          journal.add(entry);
          if (!entry.acknowledged()) {
            sleep(200); // as a client told Retry-After would; also keeps a dead server's log short
          }
        }
      }

      /**
       * One request, weighted: sign-up 2, creation 2, log-in 3, inactivation 1, reactivation 1,
       * password change 2, and for a super admin grant 2, revocation 1. A command whose
       * precondition no user meets (nobody inactive to reactivate, ...) becomes a creation.
       */
      private Entry step() {
        int pick = random.nextInt(superAdmin ? 14 : 11);
        if (pick < 2) {
          return create(false);
        } else if (pick < 4) {
          return create(true);
        } else if (pick < 7) {
          return choose(a -> a.active).map(this::login).orElseGet(() -> create(false));
        } else if (pick < 8) {
          return choose(a -> a.active).map(a -> toggle(a, "inactivate"))
              .orElseGet(() -> create(true));
        } else if (pick < 9) {
          return choose(a -> !a.active).map(a -> toggle(a, "reactivate"))
              .orElseGet(() -> create(true));
        } else if (pick < 11) {
          return choose(a -> true).map(this::changePassword).orElseGet(() -> create(true));
        } else if (pick < 13) {
          return choose(a -> a.role.equals("user")).map(a -> toggle(a, "grant"))
              .orElseGet(() -> create(true));
        } else {
          return choose(a -> a.role.equals("admin")).map(a -> toggle(a, "revoke"))
              .orElseGet(() -> create(true));
        }
      }

      private Optional<Account> choose(java.util.function.Predicate<Account> filter) {
        List<Account> candidates = accounts.stream().filter(filter).toList();
        return candidates.isEmpty() ? Optional.empty()
            : Optional.of(candidates.get(random.nextInt(candidates.size())));
      }

      private String newPassword() {
        return "pw" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
      }

      /** Sign-up (anonymous) or creation by the caller; a super admin sometimes creates an admin. */
      private Entry create(boolean byCaller) {
        String name = prefix + next++;
        String password = newPassword();
        String role = byCaller && superAdmin && random.nextInt(3) == 0 ? "admin" : "user";
        Answer a = byCaller
            ? api.call("POST", "/api/v1/users/", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"role\":\"" + role + "\"}", token)
            : api.call("POST", "/api/v1/account/signup", Api.credentials(name, password), null);
        Map<String, String> sets = Map.of("exists", "true", "role", role, "active", "true",
            "password", password);
        if (a.status() == 201) {
          accounts.add(new Account(name, role, password));
        }
        return entry(a, byCaller ? "create" : "signup", name, sets, 201);
      }

      private Entry login(Account account) {
        Answer a = api.login(account.name, account.password);
        Map<String, String> sets = a.status() == 204 && a.token() != null
            ? Map.of("session:" + sessionId(a.token()), "present") : Map.of();
        if (a.status() == 204 && a.token() == null) {
          return new Entry(false, "login", account.name, "204 without cookie", a.endMillis(), sets);
        }
        return settle(account, entry(a, "login", account.name, sets, 204));
      }

      private Entry toggle(Account account, String command) {
        Answer a = api.call("PATCH", "/api/v1/users/" + command,
            "{\"username\":\"" + account.name + "\"}", token);
        Map<String, String> sets = switch (command) {
          case "inactivate" -> Map.of("active", "false", "sessions", "none");
          case "reactivate" -> Map.of("active", "true");
          case "grant" -> Map.of("role", "admin");
          default -> Map.of("role", "user");
        };
        Entry entry = settle(account, entry(a, command, account.name, sets, 204));
        if (entry.acknowledged()) {
          switch (command) {
            case "inactivate" -> account.active = false;
            case "reactivate" -> account.active = true;
            case "grant" -> account.role = "admin";
            default -> account.role = "user";
          }
        }
        return entry;
      }

      private Entry changePassword(Account account) {
        String password = newPassword();
        Answer a = api.call("PATCH", "/api/v1/users/change-password",
            Api.credentials(account.name, password), token);
        Entry entry = settle(account, entry(a, "change-password", account.name,
            Map.of("password", password, "sessions", "none"), 204));
        if (entry.acknowledged()) {
          account.password = password;
        }
        return entry;
      }

      private Entry entry(Answer a, String op, String user, Map<String, String> sets, int ok) {
        return new Entry(a.status() == ok, op, user, a.statusText(), a.endMillis(), sets);
      }

      /** Retires the user when the request was not acknowledged: its state is now uncertain. */
      private Entry settle(Account account, Entry entry) {
        if (!entry.acknowledged()) {
          accounts.remove(account);
        }
        return entry;
      }
    }
  }

  // --- Verification ---------------------------------------------------------------------------------

  /** {@code verify}: every acknowledged request of a journal left its effect; integrity; serving. */
  static final class Verify {
    private static final String INVALID_CREDENTIALS = "Invalid username or password.";
    private static final String INACTIVE = "Your account is inactive.";

    /** Integrity queries: each counts violations. */
    private static final Map<String, String> INTEGRITY = new LinkedHashMap<>();

    static {
      INTEGRITY.put("usernames unique regardless of case", "select count(*) from (select"
          + " lower(username) from users group by 1 having count(*) > 1) d");
      INTEGRITY.put("roles valid",
          "select count(*) from users where role not in ('super_admin', 'admin', 'user')");
      INTEGRITY.put("one super admin (the bootstrap one)",
          "select abs(count(*) - 1) from users where role = 'super_admin'");
      INTEGRITY.put("password hashes well-formed bcrypt", "select count(*) from users where"
          + " password_hash !~ '^\\$2[ab]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$'");
      INTEGRITY.put("sessions reference existing users", "select count(*) from auth_sessions s"
          + " left join users u on u.id = s.user_id where u.id is null");
      INTEGRITY.put("no sessions of inactive users", "select count(*) from auth_sessions s"
          + " join users u on u.id = s.user_id where not u.is_active");
      INTEGRITY.put("updated_at >= created_at",
          "select count(*) from users where updated_at < created_at");
      INTEGRITY.put("migrations all applied",
          "select count(*) from flyway_schema_history where not success");
    }

    private final Options options;
    private final Api api;
    private final Result result = new Result();

    Verify(Options options) {
      this.options = options;
      this.api = new Api(options.get("url"), Duration.ofSeconds(30));
    }

    int run() throws Exception {
      Path out = options.path("out");
      checkServing();
      Map<String, String[]> users = new HashMap<>();
      for (String row : psql("select username, role, is_active from users")) {
        String[] cols = row.split("\t");
        users.put(cols[0], cols);
      }
      Set<String> sessions = new HashSet<>(psql("select id from auth_sessions"));
      result.put("users_in_db", users.size()).put("sessions_in_db", sessions.size());

      Map<String, List<Entry>> byUser = new LinkedHashMap<>();
      for (String line : Files.readAllLines(options.path("journal"))) {
        Entry e = Entry.parse(line);
        byUser.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e);
      }
      Map<String, String> passwords = passwordsThatWork(byUser, users);

      int acked = 0;
      int verified = 0;
      int superseded = 0;
      int overwrittenByUnacked = 0;
      int lost = 0;
      int unacked = 0;
      int unackedApplied = 0;
      List<String> lostDetails = new ArrayList<>();
      for (Map.Entry<String, List<Entry>> u : byUser.entrySet()) {
        UserCheck check = new UserCheck(u.getKey(), u.getValue(), users.get(u.getKey()),
            sessions, passwords.get(u.getKey()));
        acked += check.acked;
        verified += check.verified;
        superseded += check.superseded;
        overwrittenByUnacked += check.overwrittenByUnacked;
        lost += check.lost.size();
        lostDetails.addAll(check.lost);
        unacked += check.unacked;
        unackedApplied += check.unackedApplied;
      }
      result.put("acknowledged_checked", acked)
          .put("verified", verified)
          .put("superseded", superseded)
          .put("overwritten_by_unacknowledged", overwrittenByUnacked)
          .put("lost", lost)
          .put("unacknowledged", unacked)
          .put("unacknowledged_applied", unackedApplied);
      System.out.printf("  verify: %d acknowledged: %d verified, %d superseded by a later"
              + " acknowledged request, %d overwritten by an unacknowledged one, %d LOST%n",
          acked, verified, superseded, overwrittenByUnacked, lost);
      System.out.printf("  verify: %d unacknowledged requests, %d of them visibly took effect%n",
          unacked, unackedApplied);
      if (lost > 0) {
        result.put("lost_examples", String.join("; ", lostDetails.subList(0,
            Math.min(10, lostDetails.size()))));
        result.problem(lost + " acknowledged requests lost: "
            + String.join("; ", lostDetails.subList(0, Math.min(5, lostDetails.size()))));
      }

      int violations = 0;
      for (Map.Entry<String, String> q : INTEGRITY.entrySet()) {
        int bad = Integer.parseInt(psql(q.getValue()).get(0).trim());
        violations += bad;
        System.out.printf("  integrity: %-40s %s%n", q.getKey(), bad == 0 ? "ok" : bad + " VIOLATIONS");
        if (bad != 0) {
          result.problem("integrity: " + q.getKey() + ": " + bad + " violations");
        }
      }
      result.put("integrity_checks", INTEGRITY.size()).put("integrity_violations", violations);
      return result.write(out.resolve("verify.properties"));
    }

    /** 200 on GET /api/v1/, a log-in as the super admin, and a user list with that session. */
    private void checkServing() {
      Answer status = api.call("GET", "/api/v1/", null, null);
      Answer login = api.login(options.get("root-user"), options.get("root-password"));
      Answer list = login.token() == null ? login
          : api.call("GET", "/api/v1/users/?limit=1", null, login.token());
      boolean serves = status.status() == 200 && login.status() == 204 && list.status() == 200;
      result.put("serves_again", serves ? "yes" : "no");
      System.out.printf("  serving: GET /api/v1/ %s, super admin log-in %s, user list %s%n",
          status.statusText(), login.statusText(), list.statusText());
      if (!serves) {
        result.problem("the service does not serve again (GET /api/v1/ " + status.statusText()
            + ", log-in " + login.statusText() + ", list " + list.statusText() + ")");
      }
    }

    /**
     * For every journalled user that exists, which of its candidate passwords (the last
     * acknowledged one, and an unacknowledged change's) logs in: 204, or the inactive answer,
     * which is only given for the right password. Eight at a time.
     */
    private Map<String, String> passwordsThatWork(Map<String, List<Entry>> byUser,
        Map<String, String[]> users) throws Exception {
      Map<String, String> works = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> tasks = new ArrayList<>();
      for (Map.Entry<String, List<Entry>> u : byUser.entrySet()) {
        if (!users.containsKey(u.getKey()) || u.getKey().equals(options.get("root-user"))) {
          continue;
        }
        List<String> candidates = new ArrayList<>();
        for (Entry e : u.getValue()) {
          String password = e.sets().get("password");
          if (password != null) {
            candidates.add(0, password); // the latest first
          }
        }
        tasks.add(pool.submit(() -> {
          for (String candidate : candidates) {
            Answer a = api.login(u.getKey(), candidate);
            if (a.status() == 204 || (a.status() == 401 && a.body().contains(INACTIVE))) {
              works.put(u.getKey(), candidate);
              return;
            }
            if (!(a.status() == 401 && a.body().contains(INVALID_CREDENTIALS))) {
              result.problem("log-in of " + u.getKey() + " answered " + a.statusText() + " "
                  + a.body());
              return;
            }
          }
        }));
      }
      for (Future<?> t : tasks) {
        t.get();
      }
      pool.shutdown();
      return works;
    }

    List<String> psql(String sql) throws IOException, InterruptedException {
      Process p = new ProcessBuilder("psql", "-X", "-q", "-A", "-t", "-F", "\t",
          "-v", "ON_ERROR_STOP=1", "-d", options.get("pg"), "-c", sql)
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("psql failed on: " + sql + "\n" + text);
      }
      return text.lines().filter(l -> !l.isEmpty()).toList();
    }
  }

  /**
   * The journal of one user against its row, sessions and working password. Requests are
   * looked at newest first: a field that a newer acknowledged request set is that request's to
   * prove, so the older one counts as superseded. A field an unacknowledged request would have
   * set may hold either value.
   */
  static final class UserCheck {
    int acked;
    int verified;
    int superseded;
    int overwrittenByUnacked;
    int unacked;
    int unackedApplied;
    final List<String> lost = new ArrayList<>();

    UserCheck(String user, List<Entry> entries, String[] row, Set<String> sessions,
        String workingPassword) {
      Map<String, String> actual = new HashMap<>();
      if (row != null) {
        actual.put("exists", "true");
        actual.put("role", row[1]);
        actual.put("active", row[2].equals("t") ? "true" : "false");
      } else {
        actual.put("exists", "false");
        actual.put("role", "(no row)");
        actual.put("active", "(no row)");
      }
      actual.put("password", workingPassword == null ? "(none works)" : workingPassword);
      Function<String, String> value = field -> field.startsWith("session:")
          ? (sessions.contains(field.substring(8)) ? "present" : "absent")
          : actual.get(field);

      Set<String> covered = new HashSet<>(); // fields a newer acknowledged request set
      Map<String, String> uncertain = new HashMap<>(); // field -> value an unacked request sets
      for (int i = entries.size() - 1; i >= 0; i--) {
        Entry e = entries.get(i);
        if (!e.acknowledged()) {
          unacked++;
          boolean applied = !e.sets().isEmpty() && e.sets().entrySet().stream()
              .filter(s -> !s.getKey().equals("sessions"))
              .allMatch(s -> s.getValue().equals(value.apply(s.getKey())));
          if (applied && !e.sets().keySet().equals(Set.of("sessions"))) {
            unackedApplied++;
          }
          uncertain.putAll(e.sets());
          continue;
        }
        acked++;
        boolean sawOwnField = false;
        String missing = null;
        boolean viaUnacked = false;
        for (Map.Entry<String, String> s : e.sets().entrySet()) {
          String field = s.getKey();
          if (field.equals("sessions")) {
            continue; // "none": later log-ins may add sessions; the integrity queries cover it
          }
          boolean sessionsCleared = field.startsWith("session:") && covered.contains("sessions");
          if (covered.contains(field) || sessionsCleared) {
            continue;
          }
          sawOwnField = true;
          String actualValue = value.apply(field);
          if (s.getValue().equals(actualValue)) {
            continue;
          }
          boolean unackedCleared = field.startsWith("session:") && uncertain.containsKey("sessions");
          if (unackedCleared || (uncertain.containsKey(field)
              && uncertain.get(field).equals(actualValue))) {
            viaUnacked = true;
          } else if (missing == null) {
            missing = field + " expected " + s.getValue() + " found " + actualValue;
          }
        }
        if (!sawOwnField) {
          superseded++;
        } else if (missing != null) {
          lost.add(e.op() + " " + user + " (" + e.status() + "): " + missing);
        } else if (viaUnacked) {
          overwrittenByUnacked++;
        } else {
          verified++;
        }
        covered.addAll(e.sets().keySet());
      }
    }
  }

  /** {@code selftest}: a checker that cannot see a lost write would pass every run. */
  static final class SelfTest {
    private static final List<Entry> JOURNAL = List.of(
        entry("ack|create|u1|201|1|exists=true,role=user,active=true,password=p1"),
        entry("ack|login|u1|204|2|session:S1=present"),
        entry("ack|inactivate|u1|204|3|active=false,sessions=none"),
        entry("ack|reactivate|u1|204|4|active=true"),
        entry("ack|change-password|u1|204|5|password=p2,sessions=none"),
        entry("ack|login|u1|204|6|session:S2=present"),
        entry("nak|grant|u1|no answer|7|role=admin"));

    static int run() {
      int failures = 0;
      failures += expect("all there", row("user", "t"), Set.of("S2"), "p2", 4, 2, 0, 0);
      failures += expect("unanswered grant applied", row("admin", "t"), Set.of("S2"), "p2",
          3, 2, 1, 0);
      failures += expect("password change lost", row("user", "t"), Set.of("S2"), "p1", 3, 2, 0, 1);
      failures += expect("reactivation lost", row("user", "f"), Set.of("S2"), "p2", 3, 2, 0, 1);
      failures += expect("session lost", row("user", "t"), Set.of(), "p2", 3, 2, 0, 1);
      failures += expect("user lost", null, Set.of(), null, 0, 2, 0, 4);
      System.out.println(failures == 0 ? "  checker self-test: ok (it sees each kind of lost write)"
          : "  checker self-test: FAILED");
      return failures == 0 ? 0 : 1;
    }

    private static Entry entry(String line) {
      return Entry.parse(line.replace('|', '\t'));
    }

    private static String[] row(String role, String active) {
      return new String[] {"u1", role, active};
    }

    private static int expect(String name, String[] row, Set<String> sessions, String password,
        int verified, int superseded, int viaUnacked, int lost) {
      UserCheck c = new UserCheck("u1", JOURNAL, row, sessions, password);
      boolean ok = c.acked == 6 && c.verified == verified && c.superseded == superseded
          && c.overwrittenByUnacked == viaUnacked && c.lost.size() == lost;
      if (!ok) {
        System.out.printf("  checker self-test '%s': verified %d superseded %d via-unacked %d"
            + " lost %s%n", name, c.verified, c.superseded, c.overwrittenByUnacked, c.lost);
      }
      return ok ? 0 : 1;
    }
  }

  // --- Read load across an outage ----------------------------------------------------------------------

  /** {@code read}: scenario 3. */
  static final class ReadLoad {
    private static final String PATH = "/api/v1/users/?limit=20";
    private final Options options;

    ReadLoad(Options options) {
      this.options = options;
    }

    /** start epoch ms, latency µs, status. */
    record Sample(long start, long end, long micros, int status) {}

    int run() throws Exception {
      Path out = options.path("out");
      Files.createDirectories(out);
      int concurrency = options.integer("concurrency", 8);
      int timeoutSeconds = options.integer("timeout", 5);
      Api api = new Api(options.get("url"), Duration.ofSeconds(timeoutSeconds));
      Api setupApi = new Api(options.get("url"), Duration.ofSeconds(30));
      String tag = options.get("tag");
      Answer rootLogin = setupApi.login(options.get("root-user"), options.get("root-password"));
      if (rootLogin.status() != 204) {
        throw new IllegalStateException("set-up: super admin log-in answered " + rootLogin.statusText());
      }
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        String admin = tag + "r" + i + "adm";
        String password = "reader-" + i + "-pw";
        Answer created = setupApi.call("POST", "/api/v1/users/", "{\"username\":\"" + admin
            + "\",\"password\":\"" + password + "\",\"role\":\"admin\"}", rootLogin.token());
        Answer login = setupApi.login(admin, password);
        if (created.status() != 201 || login.status() != 204) {
          throw new IllegalStateException("set-up: admin " + admin + " answered "
              + created.statusText() + " / " + login.statusText());
        }
        tokens.add(login.token());
      }

      long seconds = options.integer("seconds", 35);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      long started = epochMillis();
      Files.writeString(options.path("started-file"), String.valueOf(started));
      System.out.printf("  read load: %d admin sessions, GET %s, client timeout %d s, %d s%n",
          concurrency, PATH, timeoutSeconds, seconds);
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<List<Sample>>> workers = new ArrayList<>();
      for (String token : tokens) {
        workers.add(pool.submit(() -> {
          List<Sample> samples = new ArrayList<>();
          while (System.nanoTime() < deadline) {
            Answer a = api.call("GET", PATH, null, token);
            samples.add(new Sample(a.startMillis(), a.endMillis(), a.micros(), a.status()));
            if (!a.answered()) {
              sleep(100);
            }
          }
          return samples;
        }));
      }
      List<Sample> samples = new ArrayList<>();
      for (Future<List<Sample>> w : workers) {
        samples.addAll(w.get());
      }
      pool.shutdown();
      return analyse(samples, started, timeoutSeconds, out);
    }

    private int analyse(List<Sample> samples, long started, int timeoutSeconds, Path out)
        throws IOException {
      Result result = new Result();
      Map<String, String> events = Result.read(options.path("events"));
      // down: pg_ctl stop has returned; restart: pg_ctl start is called; up: it accepts again.
      long down = Long.parseLong(events.get("down_epoch_ms"));
      long restart = Long.parseLong(events.get("restart_epoch_ms"));
      long up = Long.parseLong(events.get("up_epoch_ms"));
      long end = samples.stream().mapToLong(Sample::end).max().orElse(up);
      long warmup = started + 2000;

      List<Sample> before = samples.stream()
          .filter(s -> s.start() >= warmup && s.end() < down).toList();
      List<Sample> during = samples.stream()
          .filter(s -> s.start() >= down && s.end() < restart).toList();
      double beforeRate = ok(before) / ((down - warmup) / 1000.0);
      double duringRate = during.size() / ((restart - down) / 1000.0);

      // Recovery: the end of the first 1 s window after the return with >= 90 % of the
      // earlier rate of 200s, windows sliding by 100 ms.
      long[] okEnds = samples.stream().filter(s -> s.status() == 200 && s.end() >= up)
          .mapToLong(Sample::end).sorted().toArray();
      long recoveredAt = -1;
      for (long t = up; t + 1000 <= end; t += 100) {
        if (count(okEnds, t, t + 1000) >= 0.9 * beforeRate) {
          recoveredAt = t + 1000;
          break;
        }
      }
      double afterRate = recoveredAt < 0 ? 0
          : count(okEnds, recoveredAt, end) / Math.max(0.001, (end - recoveredAt) / 1000.0);
      double recoverySeconds = recoveredAt < 0 ? -1 : (recoveredAt - up) / 1000.0;

      Map<String, Long> duringStatus = statusCounts(during);
      Map<String, Long> allStatus = statusCounts(samples);
      long maxDuringMs = during.stream().mapToLong(Sample::micros).max().orElse(0) / 1000;
      long maxMs = samples.stream().mapToLong(Sample::micros).max().orElse(0) / 1000;
      long timeouts = samples.stream().filter(s -> s.status() == Answer.TIMED_OUT).count();
      long unauthorized = samples.stream().filter(s -> s.status() == 401).count();
      double p99During = percentile(during, 0.99);

      result.put("requests", samples.size())
          .put("outage_seconds", String.format("%.1f", (restart - down) / 1000.0))
          .put("crash_recovery_seconds", String.format("%.1f", (up - restart) / 1000.0))
          .put("throughput_before", String.format("%.0f", beforeRate))
          .put("throughput_during", String.format("%.0f", duringRate))
          .put("throughput_after", String.format("%.0f", afterRate))
          .put("recovery_seconds", String.format("%.1f", recoverySeconds))
          .put("status_during", duringStatus)
          .put("status_all", allStatus)
          .put("max_latency_during_ms", maxDuringMs)
          .put("p99_latency_during_ms", String.format("%.0f", p99During))
          .put("max_latency_ms", maxMs)
          .put("client_timeout_s", timeoutSeconds)
          .put("timeouts", timeouts)
          .put("unauthorized", unauthorized);
      System.out.printf("  read load: %d requests; before %.0f/s of 200, during the %.1f s outage"
              + " %.0f/s %s (max %d ms), after %.0f/s; recovered %.1f s after the return%n",
          samples.size(), beforeRate, (restart - down) / 1000.0, duringRate, duringStatus, maxDuringMs,
          afterRate, recoverySeconds);
      System.out.println("  read load: all statuses " + allStatus + ", max latency " + maxMs + " ms");

      if (before.isEmpty() || beforeRate <= 0) {
        result.problem("no successful reads before the outage");
      }
      if (during.isEmpty()) {
        result.problem("no request fell inside the outage");
      }
      if (!duringStatus.keySet().stream().allMatch("503"::equals)) {
        result.problem("while the database was down the answers were " + duringStatus
            + " (only 503 expected)");
      }
      if (unauthorized > 0) {
        result.problem(unauthorized + " answers were 401");
      }
      if (timeouts > 0) {
        result.problem(timeouts + " requests hung past the " + timeoutSeconds + " s client timeout");
      }
      if (recoverySeconds < 0 || recoverySeconds > 10) {
        result.problem("throughput did not reach 90 % of " + String.format("%.0f", beforeRate)
            + "/s within 10 s of the database's return (recovery " + recoverySeconds + " s)");
      }
      return result.write(out.resolve("load.properties"));
    }

    private static long ok(List<Sample> samples) {
      return samples.stream().filter(s -> s.status() == 200).count();
    }

    private static int count(long[] sorted, long from, long to) {
      int n = 0;
      for (long t : sorted) {
        if (t >= from && t < to) {
          n++;
        }
      }
      return n;
    }

    private static double percentile(List<Sample> samples, double q) {
      if (samples.isEmpty()) {
        return 0;
      }
      long[] sorted = samples.stream().mapToLong(Sample::micros).sorted().toArray();
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000.0;
    }

    private static Map<String, Long> statusCounts(List<Sample> samples) {
      return samples.stream().collect(Collectors.groupingBy(
          s -> s.status() == Answer.NO_ANSWER ? "no answer"
              : s.status() == Answer.TIMED_OUT ? "timeout" : String.valueOf(s.status()),
          TreeMap::new, Collectors.counting()));
    }
  }

  // --- Summary -----------------------------------------------------------------------------------------

  /** {@code summary}: one table over the scenarios' result files; summary.md and summary.json. */
  static final class Summary {
    private static final String[][] SCENARIOS = {
        {"crash-service", "1. kill -9 of Payara Micro under write load"},
        {"crash-db", "2. PostgreSQL stopped -m immediate under write load"},
        {"outage", "3. PostgreSQL down 10 s under read load"},
    };

    static int run(Options options) throws IOException {
      Path dir = options.path("dir");
      Map<String, String> run = Result.read(dir.resolve("run.properties"));
      List<String[]> rows = new ArrayList<>();
      Map<String, Map<String, String>> all = new LinkedHashMap<>();
      boolean allPass = true;
      for (String[] scenario : SCENARIOS) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean ran = false;
        boolean pass = true;
        for (String part : List.of("events", "load", "verify")) {
          Map<String, String> values = Result.read(dir.resolve(scenario[0]).resolve(part + ".properties"));
          ran |= !values.isEmpty();
          if ("false".equals(values.get("ok"))) {
            pass = false;
          }
          if (!values.getOrDefault("problems", "").isEmpty()) {
            problems.add(values.get("problems"));
          }
          values.forEach((k, v) -> {
            if (!k.equals("ok") && !k.equals("problems")) {
              figures.put(part + "." + k, v);
            }
          });
        }
        boolean complete = scenario[0].equals("outage")
            ? figures.containsKey("load.recovery_seconds") : figures.containsKey("verify.lost");
        String status = !ran ? "NOT RUN" : pass && complete ? "PASS" : "FAIL";
        allPass &= status.equals("PASS");
        figures.put("result", status);
        figures.put("problems", String.join(" | ", problems));
        all.put(scenario[0], figures);
        rows.add(new String[] {scenario[1], status, describe(scenario[0], figures)});
      }

      StringBuilder md = new StringBuilder("# make stress: last run\n\n");
      md.append("Seed ").append(run.getOrDefault("seed", "?")).append(", run time ")
          .append(run.getOrDefault("run_seconds", "?")).append(" s, ")
          .append(run.getOrDefault("started", "")).append(".\n\n");
      md.append("| scenario | result | figures |\n|---|---|---|\n");
      for (String[] r : rows) {
        md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2])
            .append(" |\n");
      }
      all.forEach((name, figures) -> {
        if (!figures.get("problems").isEmpty()) {
          md.append("\n").append(name).append(" problems: ").append(figures.get("problems"))
              .append("\n");
        }
      });
      Files.writeString(dir.resolve("summary.md"), md);
      Files.writeString(dir.resolve("summary.json"), json(run, all));

      System.out.println();
      System.out.println("make stress — seed " + run.getOrDefault("seed", "?") + ", run time "
          + run.getOrDefault("run_seconds", "?") + " s");
      System.out.printf("%-52s %-7s %s%n", "scenario", "result", "figures");
      for (String[] r : rows) {
        System.out.printf("%-52s %-7s %s%n", r[0], r[1], r[2]);
      }
      all.forEach((name, figures) -> {
        if (!figures.get("problems").isEmpty()) {
          System.out.println(name + " problems: " + figures.get("problems"));
        }
      });
      System.out.println("(also " + dir.resolve("summary.md") + " and summary.json)");
      return allPass ? 0 : 1;
    }

    private static String describe(String scenario, Map<String, String> f) {
      Function<String, String> g = k -> f.getOrDefault(k, "?");
      if (scenario.equals("outage")) {
        return "down " + g.apply("load.outage_seconds") + " s (+" + g.apply("load.crash_recovery_seconds")
            + " s crash recovery); throughput before " + g.apply("load.throughput_before") + "/s, during "
            + g.apply("load.throughput_during") + "/s " + g.apply("load.status_during")
            + ", after " + g.apply("load.throughput_after") + "/s; recovered in "
            + g.apply("load.recovery_seconds") + " s; max latency while down "
            + g.apply("load.max_latency_during_ms") + " ms (client timeout "
            + g.apply("load.client_timeout_s") + " s); 401: " + g.apply("load.unauthorized")
            + ", timeouts: " + g.apply("load.timeouts");
      }
      long setup = Long.parseLong(f.getOrDefault("load.setup_requests", "0"));
      long sent = Long.parseLong(f.getOrDefault("load.sent", "0")) + setup;
      String text = "sent " + sent + " (" + setup + " of them set-up), acknowledged "
          + g.apply("verify.acknowledged_checked") + ", verified " + g.apply("verify.verified")
          + ", superseded "
          + g.apply("verify.superseded") + "+" + g.apply("verify.overwritten_by_unacknowledged")
          + ", lost " + g.apply("verify.lost") + "; unacknowledged "
          + g.apply("verify.unacknowledged") + " (" + g.apply("verify.unacknowledged_applied")
          + " took effect); integrity violations " + g.apply("verify.integrity_violations")
          + "/" + g.apply("verify.integrity_checks") + " checks; serves again "
          + g.apply("verify.serves_again");
      if (scenario.equals("crash-service")) {
        text += "; killed " + g.apply("events.kill_after_ms") + " ms into the load, serving "
            + g.apply("events.restart_seconds") + " s after restart";
      } else {
        text += "; stopped " + g.apply("events.stop_after_ms") + " ms into the load for "
            + g.apply("events.down_seconds") + " s, first acknowledgement "
            + g.apply("load.first_ack_after_recovery_ms") + " ms after its return, "
            + g.apply("load.acknowledged_after_recovery") + " acknowledged after it";
      }
      return text;
    }

    private static String json(Map<String, String> run, Map<String, Map<String, String>> all) {
      StringBuilder s = new StringBuilder("{\n  \"run\": ").append(object(run, "  "));
      all.forEach((name, figures) -> s.append(",\n  \"").append(name).append("\": ")
          .append(object(figures, "  ")));
      return s.append("\n}\n").toString();
    }

    private static String object(Map<String, String> values, String indent) {
      return values.entrySet().stream()
          .map(e -> indent + "  \"" + escape(e.getKey()) + "\": " + literal(e.getValue()))
          .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
    }

    private static String literal(String value) {
      return value.matches("-?\\d+(\\.\\d+)?") ? value : "\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }
}
