package io.cleanusers.tools.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one command found, as an ordered file of {@code key=value} lines that ends with {@code
 * ok=true|false} and the problems; the summary reads these files. (java.util.Properties would
 * reorder and escape.)
 */
final class ResultFile {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>(); // from several threads

  ResultFile put(String key, Object value) {
    values.put(key, String.valueOf(value));
    return this;
  }

  /** A failed target: printed at once, and the result is not ok. */
  void problem(String text) {
    problems.add(text);
    System.out.println("  PROBLEM: " + text);
  }

  boolean ok() {
    return problems.isEmpty();
  }

  /** Writes the file; the command's exit status (0 when ok). */
  int write(Path file) throws IOException {
    put("ok", ok());
    put("problems", String.join(" | ", problems));
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
    Files.writeString(file, text);
    return ok() ? 0 : 1;
  }

  /** The lines of a result or events file, in order; none when it does not exist. */
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
