package io.cleanusers.tools.stress;

import io.cleanusers.it.support.Routes;
import io.cleanusers.it.support.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code read}: the read load of scenario 3. Admins it creates, each with its own session, list
 * users in a loop (with a short client timeout) while scripts/stress.sh takes the database away and
 * back; the samples go to {@link OutageAnalysis}, which writes load.properties. When the events
 * file names no outage (make cluster-check's rolling restart and instance death), every read must
 * succeed instead ({@link SteadyAnalysis}).
 */
final class ReadLoad {

  static final String PATH = Routes.USERS + "?limit=20";

  private final Options options;

  ReadLoad(Options options) {
    this.options = options;
  }

  int run() throws Exception {
    Path out = options.path("out");
    Files.createDirectories(out);
    int concurrency = options.integer("concurrency", 8);
    int timeoutSeconds = options.integer("timeout", 5);
    LoadClient api = new LoadClient(options.url(), Duration.ofSeconds(timeoutSeconds));
    List<String> tokens = sessions(concurrency);

    int seconds = options.integer("seconds", 35);
    StopSignal stop = StopSignal.after(seconds, options.path("stop-file"));
    long started = System.currentTimeMillis();
    Files.writeString(options.path("started-file"), String.valueOf(started));
    System.out.printf(
        "  read load: %d admin sessions, GET %s, client timeout %d s, %d s%n",
        concurrency, PATH, timeoutSeconds, seconds);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<List<OutageAnalysis.Sample>>> readers = new ArrayList<>();
    for (String token : tokens) {
      readers.add(pool.submit(() -> read(api, token, stop)));
    }
    List<OutageAnalysis.Sample> samples = new ArrayList<>();
    for (Future<List<OutageAnalysis.Sample>> reader : readers) {
      samples.addAll(reader.get());
    }
    pool.shutdown();
    Map<String, String> events = ResultFile.read(options.path("events"));
    ResultFile result =
        events.containsKey(OutageAnalysis.DOWN)
            ? new OutageAnalysis(samples, started, events).result(timeoutSeconds)
            : new SteadyAnalysis(samples, started).result(timeoutSeconds);
    return result.write(out.resolve("load.properties"));
  }

  /** One session per reader: admins created by the super admin, with a generous timeout. */
  private List<String> sessions(int count) {
    LoadClient setup = new LoadClient(options.url(), Duration.ofSeconds(30));
    String tag = options.get("tag");
    Answer root = setup.login(options.get("root-user"), options.get("root-password"));
    if (root.status() != 204) {
      throw root.failure("super admin log-in");
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String admin = tag + "r" + i + "adm";
      String password = Secrets.password();
      Answer created = setup.create(admin, password, "admin", root.token());
      if (created.status() != 201) {
        throw created.failure("creating " + admin);
      }
      Answer login = setup.login(admin, password);
      if (login.status() != 204) {
        throw login.failure("log-in of " + admin);
      }
      tokens.add(login.token());
    }
    return tokens;
  }

  /** One reader's samples until the signal; it pauses 100 ms after a missing answer. */
  private static List<OutageAnalysis.Sample> read(LoadClient api, String token, StopSignal stop)
      throws InterruptedException {
    List<OutageAnalysis.Sample> samples = new ArrayList<>();
    while (!stop.given()) {
      Answer a = api.send("GET", PATH, null, token);
      samples.add(OutageAnalysis.Sample.of(a)); // not the body: tens of thousands of pages
      if (!a.answered()) {
        Thread.sleep(100);
      }
    }
    return samples;
  }
}
