package io.cleanusers.it.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of what the fuzzer sent and got: per route, per category, per status. */
public final class FuzzTally {

  private final Map<String, Integer> routes = new TreeMap<>();
  private final Map<String, Integer> categories = new TreeMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final Map<String, Integer> routeStatuses = new TreeMap<>();
  private int requests;

  public void count(FuzzRequest request, int status) {
    requests++;
    routes.merge(request.route(), 1, Integer::sum);
    categories.merge(request.category(), 1, Integer::sum);
    statuses.merge(status, 1, Integer::sum);
    routeStatuses.merge(request.route() + " " + status, 1, Integer::sum);
  }

  public int requests() {
    return requests;
  }

  /** Answers with a status of 500 or more. */
  public int serverErrors() {
    return statuses.entrySet().stream()
        .filter(e -> e.getKey() >= 500)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** How many answers the route gave with the status. */
  public int of(Route route, int status) {
    return routeStatuses.getOrDefault(route.name() + " " + status, 0);
  }

  public String report() {
    return "requests: "
        + requests
        + "\n"
        + "per category: "
        + line(categories)
        + "\n"
        + "per route: "
        + line(routes)
        + "\n"
        + "statuses: "
        + line(statuses)
        + "\n"
        + "per route and status: "
        + line(routeStatuses);
  }

  private static String line(Map<?, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
