package io.cleanusers.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A log line names its own source, so no handler has to walk a stack to find it. */
class LogLineTest {

  @Test
  void the_source_holds_on_any_thread_that_reads_it() throws Exception {
    Logger logger = Logger.getLogger("io.cleanusers.test.logline.source");
    AtomicReference<LogRecord> published = new AtomicReference<>();
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            published.set(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });

    LogLine.of("access").with("status", 200).log(logger);

    // An asynchronous handler reads it on its own thread, where no logging call is on the stack.
    LogRecord record = published.get();
    String source =
        CompletableFuture.supplyAsync(
                () -> record.getSourceClassName() + "." + record.getSourceMethodName())
            .get();
    assertEquals(LogLine.class.getName() + ".log", source);
  }
}
