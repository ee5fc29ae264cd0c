package io.cleanusers.application.common;

import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applies one change to a locked target and records it: the row is written only when the change
 * really changed something (no-ops write nothing: docs/contract/routes.md, "No-op changes"), and
 * the audit line says which it was.
 */
@ApplicationScoped
public class UserChanges {

  private final UserRepository repository;
  private final AuditTrail audit;

  @Inject
  public UserChanges(UserRepository repository, AuditTrail audit) {
    this.repository = repository;
    this.audit = audit;
  }

  /** For CDI's client proxy only. */
  protected UserChanges() {
    this(null, null);
  }

  /** Makes the change, writes the target when it changed, and says whether it did. */
  public boolean make(Caller caller, User target, UserChange change, AuditEvent event) {
    boolean changed = change.applyTo(target);
    if (changed) {
      repository.update(target);
    }
    audit.record(
        event,
        changed ? "changed" : "unchanged",
        AuditTrail.actor(caller.id(), caller.username()),
        target.username().value());
    return changed;
  }
}
