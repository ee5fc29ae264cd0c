package io.cleanusers.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log lines in both formats: one line each, valid JSON, no way for input to forge one, and a source
 * that no handler has to find by walking a stack.
 */
class JsonLineFormatterTest {

  private final Logger logger = Logger.getLogger("io.cleanusers.test.logline");
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  private LogRecord hostileAuditLine() {
    LogLine.of("audit")
        .with("event", "login")
        .with("status", 401)
        .withText("target", "alice\r\naudit event=login outcome=success \"x\"\\\u0007")
        .log(logger);
    return records.get(records.size() - 1);
  }

  @Test
  void a_json_line_is_one_line_of_valid_json_with_the_fields() {
    String line = new JsonLineFormatter().format(hostileAuditLine());
    assertTrue(line.endsWith(System.lineSeparator()));
    String body = line.strip();
    assertFalse(body.contains("\n") || body.contains("\r"), line);
    JsonObject json = Json.createReader(new StringReader(body)).readObject();
    assertEquals("INFO", json.getString("level"));
    assertEquals("audit", json.getString("kind"));
    assertEquals("login", json.getString("event"));
    assertEquals(401, json.getInt("status"));
    assertFalse(json.getString("target").contains("\n"));
  }

  @Test
  void client_input_cannot_forge_a_second_text_line_or_field() {
    String text = hostileAuditLine().getMessage();
    assertFalse(text.contains("\n") || text.contains("\r"), text);
    assertEquals(1, text.split("outcome=").length - 1, "only the forged text's own copy");
    assertTrue(text.startsWith("audit event=login status=401 target=\"alice??audit"), text);
  }

  @Test
  void an_exception_is_one_field_not_a_stack_trace() {
    LogRecord record = new LogRecord(java.util.logging.Level.SEVERE, "failed");
    record.setThrown(new IllegalStateException("boom\nsecond line"));
    String line = new JsonLineFormatter().format(record).strip();
    JsonObject json = Json.createReader(new StringReader(line)).readObject();
    assertEquals("java.lang.IllegalStateException: boom\nsecond line", json.getString("error"));
    assertFalse(line.contains("\n"));
  }

  @Test
  void the_source_holds_on_any_thread_that_reads_it() throws Exception {
    LogRecord record = hostileAuditLine();
    // An asynchronous handler reads it on its own thread, where no logging call is on the stack.
    String source =
        CompletableFuture.supplyAsync(
                () -> record.getSourceClassName() + "." + record.getSourceMethodName())
            .get();
    assertEquals(LogLine.class.getName() + ".log", source);
  }
}
