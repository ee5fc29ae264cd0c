package io.cleanusers.tools.stress;

import io.cleanusers.it.support.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code write}: the write load of scenarios 1 and 2. Set-up first, one request at a time: a
 * session for each caller, the first two as the super admin, the others as admins it creates for
 * them. Then one {@link WriteWorker} per caller until the time limit or the stop file. Writes the
 * journal (journal.tsv, set-up first) for {@code verify}, and the load's figures (load.properties).
 */
final class WriteLoad {

  /** The answers a write may get: done, or in doubt while something is down. */
  private static final Set<String> EXPECTED = Set.of("201", "204", "503", "no answer");

  private final Options options;
  private final LoadClient api;
  private final List<JournalEntry> setup = new ArrayList<>();

  WriteLoad(Options options) {
    this.options = options;
    this.api = new LoadClient(options.url(), Duration.ofSeconds(options.integer("timeout", 30)));
  }

  int run() throws Exception {
    Path out = options.path("out");
    Files.createDirectories(out);
    int concurrency = options.integer("concurrency", 8);
    long seed = Long.parseLong(options.get("seed"));
    List<WriteWorker> workers = workers(concurrency, seed);

    StopSignal stop = StopSignal.after(options.integer("seconds", 20), options.path("stop-file"));
    long started = System.currentTimeMillis();
    Files.writeString(options.path("started-file"), String.valueOf(started));
    System.out.printf(
        "  write load: %d workers (2 as the super admin, %d as admins), seed %d%n",
        concurrency, concurrency - 2, seed);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<List<JournalEntry>>> running = new ArrayList<>();
    for (WriteWorker worker : workers) {
      running.add(pool.submit(() -> worker.run(stop)));
    }
    List<JournalEntry> load = new ArrayList<>();
    for (Future<List<JournalEntry>> worker : running) {
      load.addAll(worker.get());
    }
    pool.shutdown();
    long ended = System.currentTimeMillis();

    Files.write(
        out.resolve("journal.tsv"),
        Stream.concat(setup.stream(), load.stream()).map(JournalEntry::line).toList());
    return figures(load, ended - started).write(out.resolve("load.properties"));
  }

  /** The workers, each with its session; the set-up's requests go to the journal. */
  private List<WriteWorker> workers(int concurrency, long seed) {
    String tag = options.get("tag");
    String root = options.get("root-user");
    String rootPassword = options.get("root-password");
    String rootToken = setupLogin(root, rootPassword);
    List<WriteWorker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      boolean superAdmin = i < 2;
      String token;
      if (superAdmin) {
        token = setupLogin(root, rootPassword);
      } else {
        String admin = tag + "w" + i + "adm";
        String password = Secrets.password();
        Answer created = api.create(admin, password, "admin", rootToken);
        if (created.status() != 201) {
          throw created.failure("creating " + admin);
        }
        setup.add(
            JournalEntry.of(
                created, 201, "create", admin, JournalEntry.newUser("admin", password)));
        token = setupLogin(admin, password);
      }
      workers.add(new WriteWorker(api, tag, i, superAdmin, token, new Random(seed * 31 + i)));
    }
    return workers;
  }

  private String setupLogin(String user, String password) {
    Answer a = api.login(user, password);
    if (a.status() != 204 || a.token() == null) {
      throw a.failure("log-in of " + user);
    }
    setup.add(JournalEntry.of(a, 204, "login", user, JournalEntry.newSession(a.token())));
    return a.token();
  }

  /** Counts by status and command; any unexpected answer, or none after the database's return. */
  private ResultFile figures(List<JournalEntry> load, long millis) throws IOException {
    ResultFile result = new ResultFile();
    Map<String, Long> byStatus = countBy(load, e -> true, JournalEntry::status);
    Map<String, Long> byOp = countBy(load, JournalEntry::acknowledged, JournalEntry::op);
    long acked = load.stream().filter(JournalEntry::acknowledged).count();
    long timeouts = byStatus.getOrDefault("timeout", 0L);
    result
        .put("load_seconds", String.format("%.1f", millis / 1000.0))
        .put("sent", load.size())
        .put("acknowledged", acked)
        .put("setup_requests", setup.size())
        .put("no_answer", byStatus.getOrDefault("no answer", 0L) + timeouts)
        .put("timeouts", timeouts)
        .put("status_counts", byStatus)
        .put("acknowledged_by_op", byOp);
    byStatus.forEach(
        (status, count) -> {
          if (!EXPECTED.contains(status)) {
            result.problem(
                count
                    + " requests answered "
                    + status
                    + " (expected 201/204, or 503 / no answer while something is down)");
          }
        });
    Map<String, String> events = ResultFile.read(options.path("events"));
    if (events.containsKey("up_epoch_ms")) {
      long up = Long.parseLong(events.get("up_epoch_ms"));
      List<JournalEntry> after =
          load.stream().filter(e -> e.acknowledged() && e.endMillis() >= up).toList();
      Optional<Long> first = after.stream().map(JournalEntry::endMillis).min(Long::compare);
      result
          .put("acknowledged_after_recovery", after.size())
          .put("first_ack_after_recovery_ms", first.map(t -> t - up).orElse(-1L));
      if (after.isEmpty()) {
        result.problem("no request was acknowledged after the database came back");
      }
    }
    System.out.printf(
        "  write load: %d requests in %.1f s, %d acknowledged; statuses %s%n",
        load.size(), millis / 1000.0, acked, byStatus);
    return result;
  }

  private static Map<String, Long> countBy(
      List<JournalEntry> entries,
      Predicate<JournalEntry> filter,
      Function<JournalEntry, String> key) {
    return entries.stream()
        .filter(filter)
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
