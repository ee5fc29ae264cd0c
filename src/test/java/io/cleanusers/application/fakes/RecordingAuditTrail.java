package io.cleanusers.application.fakes;

import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** Keeps every audit line. */
public final class RecordingAuditTrail implements AuditTrail {

  /** One audit line. */
  public record Entry(String event, String outcome, String actor, String target) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public void record(AuditEvent event, String outcome, String actor, String target) {
    entries.add(new Entry(event.wireName(), outcome, actor, target));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }
}
