package io.cleanusers.application.fakes;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import java.util.Optional;

/** Says whoever the test made the caller is calling; nobody until then. */
public final class FakeIdentityProvider implements IdentityProvider {

  private Optional<Caller> caller = Optional.empty();

  public void callAs(Caller caller) {
    this.caller = Optional.of(caller);
  }

  public void anonymous() {
    caller = Optional.empty();
  }

  @Override
  public Caller currentCaller() {
    return caller.orElseThrow(NotAuthenticatedException::new);
  }
}
