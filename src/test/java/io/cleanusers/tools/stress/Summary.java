package io.cleanusers.tools.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code summary}: one table over the scenarios' result files (events, load and verify of each),
 * printed and written as summary.md and summary.json; exit status 1 unless every scenario passed.
 */
final class Summary {

  private static final String[][] SCENARIOS = {
    {"crash-service", "1. kill -9 of Payara Micro under write load"},
    {"crash-db", "2. PostgreSQL stopped -m immediate under write load"},
    {"outage", "3. PostgreSQL down 10 s under read load"},
  };

  private Summary() {}

  static int run(Options options) throws IOException {
    Path dir = options.path("dir");
    Map<String, String> run = ResultFile.read(dir.resolve("run.properties"));
    List<String[]> rows = new ArrayList<>();
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    boolean allPass = true;
    for (String[] scenario : SCENARIOS) {
      Map<String, String> figures = figures(dir.resolve(scenario[0]), scenario[0]);
      allPass &= figures.get("result").equals("PASS");
      all.put(scenario[0], figures);
      rows.add(
          new String[] {
            scenario[1], figures.get("result"), ScenarioFigures.describe(scenario[0], figures)
          });
    }
    String seed = run.getOrDefault("seed", "?");
    String seconds = run.getOrDefault("run_seconds", "?");

    StringBuilder md = new StringBuilder("# make stress: last run\n\n");
    md.append("Seed ").append(seed).append(", run time ").append(seconds).append(" s, ");
    md.append(run.getOrDefault("started", "")).append(".\n\n");
    md.append("| scenario | result | figures |\n|---|---|---|\n");
    rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
    problems(all).forEach(p -> md.append("\n").append(p).append("\n"));
    Files.writeString(dir.resolve("summary.md"), md);
    Files.writeString(dir.resolve("summary.json"), json(run, all));

    System.out.println();
    System.out.println("make stress — seed " + seed + ", run time " + seconds + " s");
    System.out.printf("%-52s %-7s %s%n", "scenario", "result", "figures");
    rows.forEach(r -> System.out.printf("%-52s %-7s %s%n", r[0], r[1], r[2]));
    problems(all).forEach(System.out::println);
    System.out.println("(also " + dir.resolve("summary.md") + " and summary.json)");
    return allPass ? 0 : 1;
  }

  /**
   * A scenario's figures as {@code part.key} (events, load, verify), its result (PASS, FAIL, NOT
   * RUN) and its problems. It passes when no part failed and its last figure is there.
   */
  private static Map<String, String> figures(Path scenario, String name) throws IOException {
    Map<String, String> figures = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    boolean ran = false;
    boolean pass = true;
    for (String part : List.of("events", "load", "verify")) {
      Map<String, String> values = ResultFile.read(scenario.resolve(part + ".properties"));
      ran |= !values.isEmpty();
      pass &= !"false".equals(values.get("ok"));
      if (!values.getOrDefault("problems", "").isEmpty()) {
        problems.add(values.get("problems"));
      }
      values.forEach(
          (k, v) -> {
            if (!k.equals("ok") && !k.equals("problems")) {
              figures.put(part + "." + k, v);
            }
          });
    }
    boolean complete =
        figures.containsKey(name.equals("outage") ? "load.recovery_seconds" : "verify.lost");
    figures.put("result", !ran ? "NOT RUN" : pass && complete ? "PASS" : "FAIL");
    figures.put("problems", String.join(" | ", problems));
    return figures;
  }

  private static List<String> problems(Map<String, Map<String, String>> all) {
    return all.entrySet().stream()
        .filter(e -> !e.getValue().get("problems").isEmpty())
        .map(e -> e.getKey() + " problems: " + e.getValue().get("problems"))
        .toList();
  }

  private static String json(Map<String, String> run, Map<String, Map<String, String>> all) {
    StringBuilder s = new StringBuilder("{\n  \"run\": ").append(object(run));
    all.forEach(
        (name, figures) -> s.append(",\n  \"").append(name).append("\": ").append(object(figures)));
    return s.append("\n}\n").toString();
  }

  /** A JSON object at the second level; values that look like numbers are numbers. */
  private static String object(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> "    \"" + escape(e.getKey()) + "\": " + literal(e.getValue()))
        .collect(Collectors.joining(",\n", "{\n", "\n  }"));
  }

  private static String literal(String value) {
    return value.matches("-?\\d+(\\.\\d+)?") ? value : "\"" + escape(value) + "\"";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
