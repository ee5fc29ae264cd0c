package io.cleanusers.tools.stress;

import io.cleanusers.it.support.Jwt;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request of the write load, a line of journal.tsv: who, what, the answer, and the state it
 * sets when it took effect, as fields: {@code exists}, {@code role}, {@code active}, {@code
 * password}, {@code session:<id>} (a log-in's new session) and {@code sessions} = {@code none} (an
 * inactivation or password change deletes the user's sessions).
 *
 * <p>Line: {@code ack|nak <tab> op <tab> user <tab> status <tab> endMillis <tab> k=v,k=v}.
 */
record JournalEntry(
    boolean acknowledged,
    String op,
    String user,
    String status,
    long endMillis,
    Map<String, String> sets) {

  JournalEntry {
    sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
  }

  /** The entry of an answer: acknowledged when its status is the one that means done. */
  static JournalEntry of(
      Answer answer, int done, String op, String user, Map<String, String> sets) {
    return new JournalEntry(
        answer.status() == done, op, user, answer.statusText(), answer.endMillis(), sets);
  }

  /** What a creation or sign-up sets: an active user with that role and password. */
  static Map<String, String> newUser(String role, String password) {
    return Map.of("exists", "true", "role", role, "active", "true", "password", password);
  }

  /** What a log-in sets: the session of the token it answered with. */
  static Map<String, String> newSession(String token) {
    return Map.of("session:" + Jwt.sessionIdOf(token), "present");
  }

  String line() {
    String fields =
        sets.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    return String.join(
        "\t", acknowledged ? "ack" : "nak", op, user, status, String.valueOf(endMillis), fields);
  }

  static JournalEntry parse(String line) {
    String[] p = line.split("\t", -1);
    Map<String, String> sets = new LinkedHashMap<>();
    if (!p[5].isEmpty()) {
      for (String kv : p[5].split(",")) {
        int eq = kv.indexOf('=');
        sets.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return new JournalEntry(p[0].equals("ack"), p[1], p[2], p[3], Long.parseLong(p[4]), sets);
  }
}
