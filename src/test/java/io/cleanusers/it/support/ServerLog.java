package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The server log of this test run: its files, their text, and waiting for lines to appear. */
public final class ServerLog {

  private ServerLog() {}

  /**
   * What the server printed (ScriptedServer), and any file beside it with the same name and a
   * suffix that was written since this JVM started; files last written before then belong to
   * earlier runs and are left out.
   */
  public static List<Path> logFiles() {
    Path log =
        Path.of(System.getProperty("clean-users.server.log", "target/it-server.log"))
            .toAbsolutePath();
    long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime() - 5_000;
    // The listed paths are the (absolute) directory plus a name: comparing whole paths with
    // the log's compares the names.
    try (Stream<Path> files = Files.list(log.getParent())) {
      return files
          .filter(f -> f.toString().startsWith(log.toString()))
          .filter(f -> !f.toString().endsWith(".lck"))
          .filter(f -> lastModified(f) >= runStarted)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String readLog() {
    StringBuilder text = new StringBuilder();
    for (Path file : logFiles()) {
      try {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  /**
   * The log once it shows every marker (the server writes its log asynchronously), or after 20 s
   * whatever it holds by then.
   */
  public static String awaitLogContaining(List<String> markers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String log = readLog();
    while (!markers.stream().allMatch(log::contains) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
      log = readLog();
    }
    assertFalse(
        logFiles().isEmpty(), "no server log at " + System.getProperty("clean-users.server.log"));
    return log;
  }
}
