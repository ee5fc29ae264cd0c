package io.cleanusers.it.fuzz;

import static io.cleanusers.it.support.ContractTexts.UNAVAILABLE;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer must satisfy whatever the request (docs/contract/errors.md, "Hostile input"):
 * no 5xx but the contract's 503; every error body {@code {"description": ...}} (plus {@code
 * details} on a 422); nothing that gives the server away: stack traces, Java type names, SQL, the
 * pepper, the JWT secret.
 */
public final class ContractOracle {

  private static final Map<String, Pattern> GIVEAWAYS =
      Map.ofEntries(
          Map.entry(
              "a Java package",
              Pattern.compile(
                  "io\\.cleanusers|\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|org\\.eclipse|org\\.glassfish"
                      + "|fish\\.payara|com\\.sun\\.|org\\.postgresql|com\\.nimbusds|org\\.flywaydb")),
          Map.entry("an exception", Pattern.compile("Exception|Throwable|Caused by")),
          Map.entry("a stack frame", Pattern.compile("\\bat [\\w$.]+\\(|\\.java:\\d+\\)")),
          Map.entry(
              "SQL",
              Pattern.compile(
                  "(?i)\\b(select|insert|update|delete)\\s.{0,100}?"
                      + "\\b(from|into|set|where)\\b|syntax error at|SQLSTATE|duplicate key|violates \\w+"
                      + " constraint|relation \"")));

  private final Map<String, String> secrets;
  private final Set<ServerQuirk> quirks;

  /**
   * @param secrets name → value of every secret no answer may contain
   * @param quirks what the server under test does on its own and may keep doing
   */
  public ContractOracle(Map<String, String> secrets, Set<ServerQuirk> quirks) {
    this.secrets = secrets;
    this.quirks = quirks;
  }

  /** Every way the answer breaks the contract; empty when it keeps it. */
  public List<String> violations(FuzzRequest request, RawResponse response) {
    List<String> problems = new ArrayList<>();
    if (response.header("X-Request-Id").isEmpty()) {
      if (!answeredOutsideTheWarByDesign(request, response)) {
        problems.add("answered by the server instead of the service (no X-Request-Id)");
      }
      leaks(request, response).forEach(problems::add);
      return problems;
    }
    int status = response.status();
    if (status >= 500 && !isContractual503(response)) {
      problems.add("a " + status + " that the contract does not allow");
    }
    if (status >= 400 && !request.method().equals("HEAD")) {
      errorShape(response).ifPresent(problems::add);
    }
    leaks(request, response).forEach(problems::add);
    return problems;
  }

  /**
   * The service stamps every answer it gives with an {@code X-Request-Id}, error pages included; an
   * answer without one came from the server itself. That is the case for the server's own
   * MicroProfile endpoints (/health, /metrics), whose answers below 500 are the server's own (Open
   * Liberty's refuse a wrong method in plain text; WildFly's configuration file makes them JSON;
   * Payara's go through the WAR's error page). Otherwise only two cases cannot be changed from
   * inside the WAR, and only these are let through, with an empty body (or, with {@link
   * ServerQuirk}s, as the server has it):
   *
   * <ul>
   *   <li>a request that is not well-formed HTTP/1.1 or whose target is not a valid, normalised
   *       URI: the listener refuses it with a bare status before any application runs (e.g. 400 for
   *       a bad Content-Length or two Host headers, 505 for a raw space in the target, 501 for an
   *       unknown transfer coding, an empty 200 for an invalid percent-encoding or a dot-segment);
   *   <li>TRACE: the listener refuses it (405) because tracing is off, every supported server's
   *       default, which this project keeps as cross-site-tracing protection.
   * </ul>
   */
  private boolean answeredOutsideTheWarByDesign(FuzzRequest request, RawResponse response) {
    String target =
        request
            .head()
            .get(0)
            .split(" ")[1]
            .replaceFirst("^http://[^/]*", "")
            .replaceAll("/{2,}", "/");
    boolean microProfile = target.startsWith("/health") || target.startsWith("/metrics");
    boolean refusedByListener =
        !request.wellFormed()
            || request.method().equals("TRACE")
            || target.contains(";")
                && quirks.contains(ServerQuirk.LISTENER_PAGE_FOR_UNDECODABLE_TARGET);
    return microProfile
            && (response.status() < 500
                || quirks.contains(ServerQuirk.MICROPROFILE_APPS_ANSWER_5XX))
        || refusedByListener
            && (response.body().length == 0
                || response.status() == 400
                    && quirks.contains(ServerQuirk.LISTENER_PAGE_FOR_UNDECODABLE_TARGET));
  }

  private static boolean isContractual503(RawResponse response) {
    return response.status() == 503
        && response.header("Retry-After").isPresent()
        && parse(response)
            .map(body -> body.equals(Map.of("description", Json.createValue(UNAVAILABLE))))
            .orElse(false);
  }

  private static Optional<String> errorShape(RawResponse response) {
    String type = response.header("Content-Type").orElse("(none)");
    if (!type.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Optional.of("error with Content-Type " + type + ", not JSON");
    }
    Optional<JsonObject> body = parse(response);
    if (body.isEmpty()) {
      return Optional.of("error body is not a JSON object");
    }
    JsonObject object = body.get();
    boolean validation = response.status() == 422;
    Set<String> allowed = validation ? Set.of("description", "details") : Set.of("description");
    if (!(object.get("description") instanceof JsonString description)
        || description.getString().isBlank()) {
      return Optional.of("error body without a description string");
    }
    if (!allowed.containsAll(object.keySet())) {
      return Optional.of("error body with keys " + object.keySet());
    }
    if (validation && !validDetails(object.get("details"))) {
      return Optional.of("422 without well-formed details");
    }
    return Optional.empty();
  }

  /** A non-empty array of {loc: ["body"|"query", ...], msg: string, type: string}. */
  private static boolean validDetails(JsonValue details) {
    if (!(details instanceof JsonArray array) || array.isEmpty()) {
      return false;
    }
    return array.stream()
        .allMatch(
            item ->
                item instanceof JsonObject problem
                    && problem.keySet().equals(Set.of("loc", "msg", "type"))
                    && problem.get("msg") instanceof JsonString
                    && problem.get("type") instanceof JsonString
                    && problem.get("loc") instanceof JsonArray loc
                    && !loc.isEmpty()
                    && loc.stream().allMatch(part -> part instanceof JsonString)
                    && Set.of("body", "query").contains(loc.getString(0)));
  }

  private List<String> leaks(FuzzRequest request, RawResponse response) {
    Route route = Route.valueOf(request.route());
    boolean document = route.servesDocuments() && response.status() < 300;
    String text =
        String.join("\n", response.headers()) + (document ? "" : "\n" + response.bodyText());
    List<String> found = new ArrayList<>();
    GIVEAWAYS.forEach(
        (what, pattern) -> {
          var match = pattern.matcher(text);
          if (match.find()) {
            found.add("answer contains " + what + ": '" + match.group() + "'");
          }
        });
    secrets.forEach(
        (name, secret) -> {
          if (text.contains(secret)) {
            found.add("answer contains " + name);
          }
        });
    return found;
  }

  private static Optional<JsonObject> parse(RawResponse response) {
    try (var reader = Json.createReader(new StringReader(response.bodyText()))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
