package io.cleanusers.tools.stress;

/**
 * Load driver and checker of {@code make stress}: scripts/stress.sh starts and kills the processes;
 * this program only talks HTTP to the service and SQL to its database. Commands:
 *
 * <pre>
 *   write    write load (sign-ups, log-ins, admin commands) at a given concurrency until a time
 *            limit or a stop file; every request goes to the journal (journal.tsv) as
 *            acknowledged (201/204) or not, with the state it sets       ({@link WriteLoad})
 *   verify   checks every acknowledged request of the journal against the database and by
 *            logging in; integrity queries; the service serves again      ({@link Verifier})
 *   read     read load (GET /api/v1/users/?limit=20 with admin sessions) across a database
 *            outage whose moments the script writes to an events file; latencies, status codes
 *            and throughput before, during and after                     ({@link ReadLoad})
 *   summary  the final table of the three scenarios, also as summary.md and summary.json
 * </pre>
 *
 * <p>Each command takes {@code --option value} pairs ({@link Options}) and writes a result file of
 * {@code key=value} lines with {@code ok=true|false} that the summary reads ({@link ResultFile});
 * its exit status is 0 when it found no problem. It runs on the build's test classpath, beside the
 * integration tests' support code it shares ({@code io.cleanusers.it.support}); {@code
 * UserCheckTest} tests the checker in the unit tests.
 */
public final class Stress {

  private Stress() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Stress write|verify|read|summary --option value ...");
      System.exit(2);
    }
    Options options = Options.parse(args);
    int status =
        switch (args[0]) {
          case "write" -> new WriteLoad(options).run();
          case "verify" -> new Verifier(options).run();
          case "read" -> new ReadLoad(options).run();
          case "summary" -> Summary.run(options);
          default -> {
            System.err.println("unknown command " + args[0]);
            yield 2;
          }
        };
    System.exit(status);
  }
}
