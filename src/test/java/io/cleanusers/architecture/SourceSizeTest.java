package io.cleanusers.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the classes small enough to read in one sitting (README, "How the code is laid out"): no
 * production source file over 150 lines, no integration test class over 400.
 */
class SourceSizeTest {

  @Test
  void production_classes_stay_under_150_lines() {
    assertEquals(List.of(), filesLongerThan(Path.of("src/main/java"), 150, ".java"));
  }

  @Test
  void integration_test_classes_stay_under_400_lines() {
    assertEquals(List.of(), filesLongerThan(Path.of("src/test/java"), 400, "IT.java"));
  }

  private static List<String> filesLongerThan(Path root, int limit, String suffix) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(suffix))
          .filter(file -> lines(file) > limit)
          .map(file -> file + " has " + lines(file) + " lines")
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
