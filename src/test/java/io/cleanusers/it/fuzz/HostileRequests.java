package io.cleanusers.it.fuzz;

import io.cleanusers.it.fuzz.Sessions.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the fuzzer's requests from one seeded {@link Random}: a route, a category of hostility, and
 * then the route's ordinary request mutated the category's way. The same seed gives the same
 * sequence of requests (session tokens aside, which are fresh on every run).
 */
public final class HostileRequests {

  /** The kinds of hostility, one per request. */
  public enum Category {
    JSON_FIELDS,
    JSON_TYPES,
    JSON_SYNTAX,
    DEEP_NESTING,
    HUGE_STRINGS,
    BAD_BYTES,
    UNICODE,
    QUERY,
    METHODS,
    CONTENT_TYPES,
    COOKIES,
    TOKENS,
    SESSIONS,
    HEADERS,
    PATHS
  }

  private static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int MEBIBYTE = 1024 * 1024;

  private final Random random;
  private final Sessions sessions;
  private final String host;
  private final List<String> victims;
  private final String victimPassword;
  private final String newNamePrefix;

  /**
   * @param victims existing users that bodies may name (never the accounts of {@link Sessions})
   * @param newNamePrefix starts the names of users to create, unique to the run (at most 10
   *     characters), so that a rerun with the same seed on the same database creates them again
   */
  public HostileRequests(
      Random random,
      Sessions sessions,
      int port,
      List<String> victims,
      String victimPassword,
      String newNamePrefix) {
    this.random = random;
    this.sessions = sessions;
    this.host = "127.0.0.1:" + port;
    this.victims = victims;
    this.victimPassword = victimPassword;
    this.newNamePrefix = newNamePrefix;
  }

  /** The next request: route and category uniformly at random. */
  public FuzzRequest next() {
    Route route = pick(List.of(Route.values()));
    Category category = pick(List.of(Category.values()));
    Draft draft = new Draft(route, host);
    Kind kind =
        category == Category.TOKENS
            ? forgedKind()
            : category == Category.SESSIONS ? genuineKind() : anyKind();
    boolean disposable = route == Route.LOGOUT; // the request may end its session
    draft.token = sessions.token(kind, disposable, random);
    List<Map.Entry<String, String>> members = ordinaryMembers(route);
    if (!route.fields().isEmpty()) {
      draft.json(JsonText.object(members));
    } else if (route == Route.LIST_USERS) {
      draft.query = "limit=" + (1 + random.nextInt(50)) + "&offset=" + random.nextInt(30);
    }
    mutate(category, route, draft, members, disposable);
    return draft.build(category.name(), route);
  }

  private void mutate(
      Category category,
      Route route,
      Draft draft,
      List<Map.Entry<String, String>> members,
      boolean disposable) {
    switch (category) {
      case JSON_FIELDS -> draft.json(JsonText.object(fieldMutation(route, members)));
      case JSON_TYPES -> draft.json(JsonText.object(typeMutation(members)));
      case JSON_SYNTAX -> draft.json(syntaxMutation(JsonText.object(members)));
      case DEEP_NESTING -> draft.json(deep(route));
      case HUGE_STRINGS -> huge(route, draft);
      case BAD_BYTES -> badBytes(draft);
      case UNICODE -> draft.json(JsonText.object(unicode(members)));
      case QUERY -> draft.query = query();
      case METHODS -> method(draft);
      case CONTENT_TYPES -> contentType(draft);
      case COOKIES -> draft.cookies = cookies(draft.token, disposable);
      case TOKENS, SESSIONS -> {}
      case HEADERS -> headers(draft);
      case PATHS -> path(route, draft);
    }
  }

  // ------------------------------------------------------------------ the ordinary request

  private List<Map.Entry<String, String>> ordinaryMembers(Route route) {
    List<Map.Entry<String, String>> members = new ArrayList<>();
    for (String field : route.fields()) {
      members.add(Map.entry(field, JsonText.string(ordinaryValue(route, field))));
    }
    return members;
  }

  private String ordinaryValue(Route route, String field) {
    return switch (field) {
      case "username" -> random.nextInt(3) == 0 ? newNamePrefix + alphanumeric(6) : pick(victims);
      case "password" -> random.nextBoolean() ? victimPassword : "Pw-" + alphanumeric(10);
      case "role" -> pick(List.of("user", "admin", "super_admin"));
      default -> alphanumeric(12);
    };
  }

  // ------------------------------------------------------------------------- JSON bodies

  /** Missing, null, duplicate, unknown and oddly named fields. */
  private List<Map.Entry<String, String>> fieldMutation(
      Route route, List<Map.Entry<String, String>> members) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> member : members) {
      switch (random.nextInt(6)) {
        case 0 -> {}
        case 1 -> out.add(Map.entry(member.getKey(), "null"));
        case 2 -> {
          out.add(member);
          out.add(Map.entry(member.getKey(), JsonText.string(pick(Hostile.STRINGS))));
        }
        case 3 -> out.add(Map.entry(member.getKey().toUpperCase(), member.getValue()));
        default -> out.add(member);
      }
    }
    int extra = random.nextInt(10) == 0 ? 4000 : random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      String key =
          pick(
              List.of(
                  "role",
                  "is_active",
                  "id",
                  "__proto__",
                  "",
                  "\u0000",
                  "\uD83D\uDE00",
                  "k" + i,
                  "x".repeat(1000),
                  "username ",
                  "current_password"));
      out.add(Map.entry(key, pick(Hostile.WRONG_TYPES)));
    }
    if (route.fields().isEmpty() || random.nextInt(8) == 0) {
      out.add(Map.entry("unexpected", JsonText.string(pick(Hostile.STRINGS))));
    }
    return out;
  }

  private List<Map.Entry<String, String>> typeMutation(List<Map.Entry<String, String>> members) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> member : members) {
      out.add(
          random.nextBoolean() ? member : Map.entry(member.getKey(), pick(Hostile.WRONG_TYPES)));
    }
    if (out.isEmpty()) {
      out.add(Map.entry("username", pick(Hostile.WRONG_TYPES)));
    }
    return out;
  }

  private String syntaxMutation(String json) {
    return switch (random.nextInt(5)) {
      case 0 -> pick(Hostile.NOT_OBJECTS);
      case 1 -> json.substring(0, random.nextInt(json.length()));
      case 2 ->
          insert(json, pick(List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "'", " ", "\u0000")));
      case 3 -> json.replace('"', '\'');
      default -> json + pick(List.of(",", "}", "]", "garbage", "{}", "\u0000", "\n{\"a\":1}"));
    };
  }

  /** 1,000 deep and more, arrays or objects, closed or not, top level or inside a field. */
  private String deep(Route route) {
    int depth = pick(List.of(999, 1000, 1001, 2000, 10_000, 30_000));
    String nested = JsonText.nested(depth, random.nextBoolean(), random.nextInt(4) != 0);
    String field = route.fields().isEmpty() ? "username" : pick(route.fields());
    return random.nextBoolean() ? nested : "{" + JsonText.string(field) + ":" + nested + "}";
  }

  private List<Map.Entry<String, String>> unicode(List<Map.Entry<String, String>> members) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> member : members) {
      out.add(Map.entry(member.getKey(), JsonText.string(pick(Hostile.STRINGS))));
    }
    if (out.isEmpty()) {
      out.add(Map.entry(pick(Hostile.STRINGS), JsonText.string(pick(Hostile.STRINGS))));
    }
    return out;
  }

  // ----------------------------------------------------------------- sizes and raw bytes

  /** 1 MB strings (over the 64 KiB limit, sized or chunked), and big values under it. */
  private void huge(Route route, Draft draft) {
    int size = pick(List.of(MEBIBYTE, MEBIBYTE, 60 * 1024, 64 * 1024 - 20, 64 * 1024 + 1));
    String field = route.fields().isEmpty() ? "username" : pick(route.fields());
    String piece = pick(List.of("a", "\uD83D\uDE00", "\\u0000", " "));
    String value = piece.repeat(size / piece.getBytes(StandardCharsets.UTF_8).length);
    String text = "{" + JsonText.string(field) + ":\"" + value + "\"}";
    switch (random.nextInt(5)) {
      case 0 -> {
        draft.json(text);
        draft.chunked = true;
      }
      case 1 -> draft.json(" ".repeat(size) + "{}");
      case 2 ->
          draft.headers.add("X-Big: " + "b".repeat(pick(List.of(4_000, 7_000, 16_000, 70_000))));
      case 3 -> draft.query = "limit=" + "9".repeat(pick(List.of(1_000, 7_000, 20_000)));
      default -> draft.json(text);
    }
  }

  /** NUL and invalid UTF-8 in the body, the query, a header value or the cookie. */
  private void badBytes(Draft draft) {
    byte[] bad = pick(Hostile.BAD_BYTES);
    String latin = new String(bad, StandardCharsets.ISO_8859_1);
    boolean control = latin.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    switch (random.nextInt(5)) {
      case 0, 1 -> {
        byte[] json =
            draft.body != null
                ? draft.body
                : "{\"username\":\"abcdef\"}".getBytes(StandardCharsets.UTF_8);
        int at = 1 + random.nextInt(json.length - 1);
        byte[] out = new byte[json.length + bad.length];
        System.arraycopy(json, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(json, at, out, at + bad.length, json.length - at);
        draft.body = out;
        draft.contentType = "application/json";
      }
      case 2 ->
          draft.query = "limit=1" + percentEncoded(bad) + "&sorting_field=" + percentEncoded(bad);
      case 3 -> {
        draft.headers.add(
            pick(List.of("X-Request-Id", "Origin", "Accept", "User-Agent", "Sec-Fetch-Site"))
                + ": a"
                + latin
                + "b");
        draft.malformed = control; // no control characters in a header value (RFC 9110 5.5)
      }
      default -> {
        draft.cookies =
            List.of("access_token=" + (draft.token == null ? "x" : draft.token) + latin);
        draft.malformed = control;
      }
    }
  }

  private static String percentEncoded(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%%%02X", b & 0xff));
    }
    return out.toString();
  }

  // ------------------------------------------------------------------- the request line

  private String query() {
    return switch (random.nextInt(4)) {
      case 0 -> "limit=" + pick(Hostile.NUMBERS) + "&offset=" + pick(Hostile.NUMBERS);
      case 1 ->
          "sorting_field="
              + pick(Hostile.SORTING_FIELDS)
              + "&sorting_order="
              + pick(Hostile.SORTING_ORDERS);
      case 2 ->
          "limit="
              + pick(Hostile.NUMBERS)
              + "&limit="
              + pick(Hostile.NUMBERS)
              + "&offset="
              + pick(Hostile.NUMBERS)
              + "&sorting_field="
              + pick(Hostile.SORTING_FIELDS)
              + "&sorting_order="
              + pick(Hostile.SORTING_ORDERS);
      default ->
          pick(
              List.of(
                  "limit",
                  "limit=",
                  "=",
                  "&&&",
                  "limit[]=1",
                  "a=%zz",
                  "%",
                  "limit=1&" + "x=y&".repeat(500),
                  "limit=%F0%9F%98%80",
                  "limit=1#frag"));
    };
  }

  private void method(Draft draft) {
    if (random.nextInt(15) == 0) {
      draft.method = pick(List.of("GET\u00ff", "G ET", "GET\u0000", ""));
      draft.malformed = true;
    } else {
      draft.method = pick(Hostile.METHODS);
    }
  }

  /**
   * Odd but valid targets, or (a third of the time) targets that are not valid URIs, or not
   * normalised ones: clients remove dot-segments, percent-encoded ones too, before sending (RFC
   * 3986 5.2.4 and 6.2.2.2).
   */
  private void path(Route route, Draft draft) {
    String path = route.path();
    String trimmed =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (random.nextInt(3) == 0) {
      draft.path =
          trimmed
              + pick(
                  List.of(
                      "/%zz",
                      "%zz",
                      "/%",
                      "/%00",
                      "/%C0%AF",
                      "/%FF",
                      "/%F0%9F%98",
                      "/a b",
                      "/\u00e9",
                      "\\..\\x",
                      "/..%2F..%2Fetc%2Fpasswd",
                      "/\u0000",
                      "/.",
                      "/..",
                      "/%2e%2e",
                      "/%2E%2E/WEB-INF/web.xml"));
      draft.malformed = true;
      return;
    }
    draft.path =
        pick(
            List.of(
                trimmed,
                trimmed + "/",
                trimmed + "//",
                "/" + path,
                path.replace("/", "//"),
                trimmed.toUpperCase(),
                trimmed + ";jsessionid=x",
                trimmed + ";a=b/",
                trimmed + "%2F",
                trimmed + "/%F0%9F%98%80",
                trimmed + "/" + "a".repeat(pick(List.of(300, 5_000))),
                "*",
                "http://" + host + path,
                "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF",
                "/container-error"));
  }

  // ---------------------------------------------------------------------------- headers

  private void contentType(Draft draft) {
    String type = pick(Hostile.CONTENT_TYPES);
    if (draft.body == null || random.nextInt(3) == 0) {
      draft.body =
          pick(List.of(
                  "{\"username\":\"abcdef\",\"password\":\"secret-1\"}",
                  "username=abcdef&password=secret-1",
                  "<a/>",
                  "--x\r\n\r\n--x--"))
              .getBytes(StandardCharsets.UTF_8);
    }
    draft.contentType = random.nextInt(8) == 0 ? null : Draft.latin1(type);
    if (random.nextInt(6) == 0) {
      draft.headers.add("Content-Type: " + Draft.latin1(pick(Hostile.CONTENT_TYPES)));
    }
  }

  private List<String> cookies(String token, boolean disposable) {
    String real = token == null ? sessions.token(genuineKind(), disposable, random) : token;
    String forged = sessions.token(forgedKind(), false, random);
    return switch (random.nextInt(10)) {
      case 0 -> List.of("access_token=" + forged + "; access_token=" + real);
      case 1 -> List.of("access_token=" + real + "; access_token=" + forged);
      case 2 -> List.of("access_token=" + real, "access_token=" + forged);
      case 3 ->
          List.of(
              "access_token="
                  + real
                  + "; junk="
                  + "j".repeat(pick(List.of(4_000, 7_000, 16_000, 100_000))));
      case 4 -> List.of("c=1; ".repeat(pick(List.of(50, 200, 1000))) + "access_token=" + real);
      case 5 -> List.of("access_token=\"" + real + "\"");
      case 6 -> List.of("access_token", "=" + real, ";;;;", "access_token=;");
      case 7 -> List.of("access_token=" + Draft.latin1("\uD83D\uDE00") + real);
      case 8 ->
          List.of("ACCESS_TOKEN=" + real + "; $Version=1; access_token=" + forged + "; $Path=/");
      default -> List.of("access_token=" + real + ", access_token=" + forged);
    };
  }

  private void headers(Draft draft) {
    switch (random.nextInt(12)) {
      case 0 -> draft.headers.add("X-Request-Id: " + Draft.latin1(pick(Hostile.REQUEST_IDS)));
      case 1 ->
          draft.headers.add(
              "Origin: " + Draft.latin1(pick(List.of(pick(Hostile.ORIGINS), "http://" + host))));
      case 2 ->
          draft.headers.add(
              "Sec-Fetch-Site: "
                  + pick(
                      List.of(
                          "cross-site",
                          "CROSS-SITE",
                          "same-origin",
                          "none",
                          "same-site",
                          "",
                          "\u00ff")));
      case 3 -> draft.headers.add("Accept: " + pick(Hostile.ACCEPTS));
      case 4 -> {
        draft.host =
            pick(
                List.of(
                    "evil.example",
                    "",
                    "[::1",
                    "a b",
                    "x".repeat(2000),
                    "127.0.0.1:0",
                    "127.0.0.1:99999",
                    "%00"));
        draft.malformed =
            Set.of("[::1", "a b", "%00", "127.0.0.1:0", "127.0.0.1:99999")
                .contains(draft.host); // no such authority: a server may refuse it (RFC 9112 3.2)
      }
      case 5 -> draft.host = null;
      case 6 -> draft.headers.add("Host: " + pick(List.of("evil.example", host)));
      case 7 -> {
        draft.contentLengths =
            pick(
                List.of(
                    List.of("0", "0"),
                    List.of("-1"),
                    List.of("abc"),
                    List.of("1", "2"),
                    List.of("99999999999999999999"),
                    List.of("+0")));
        draft.malformed = true; // even "0, 0": a server may refuse a repeat (RFC 9110 8.6)
      }
      case 8 ->
          draft.headers.add(
              pick(
                  List.of(
                      "Content-Encoding: gzip",
                      "Expect: 100-continue",
                      "Upgrade: h2c",
                      "Authorization: Bearer " + sessions.token(Kind.SUPER_ADMIN, false, random),
                      "X-HTTP-Method-Override: DELETE",
                      "X-Forwarded-For: \u00ff, <script>",
                      "Range: bytes=0-1",
                      "If-None-Match: *")));
      case 9 -> {
        for (int i = 0; i < pick(List.of(50, 150, 500)); i++) {
          draft.headers.add("X-Many-" + i + ": " + i);
        }
      }
      case 10 -> {
        draft.headers.add(
            pick(
                List.of(
                    "Bad Header: x",
                    "X-\u00ffName: y",
                    ": empty",
                    "X-Folded: a\r\n b",
                    "NoColon",
                    "Transfer-Encoding: gzip, chunked")));
        draft.malformed = true;
      }
      default -> draft.headers.add("X-Request-Id: a\tb");
    }
  }

  // ------------------------------------------------------------------------- randomness

  private Kind anyKind() {
    int roll = random.nextInt(20);
    return roll < 5 ? Kind.NONE : roll < 17 ? genuineKind() : forgedKind();
  }

  private Kind genuineKind() {
    return pick(List.of(Kind.USER, Kind.ADMIN, Kind.SUPER_ADMIN));
  }

  private Kind forgedKind() {
    return pick(
        List.of(
            Kind.ALG_NONE,
            Kind.FOREIGN_KEY,
            Kind.OTHER_ALGORITHM,
            Kind.EXPIRED,
            Kind.UNKNOWN_SESSION,
            Kind.TAMPERED,
            Kind.GARBAGE));
  }

  private String insert(String text, String piece) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + piece + text.substring(at);
  }

  private String alphanumeric(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return out.toString();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
