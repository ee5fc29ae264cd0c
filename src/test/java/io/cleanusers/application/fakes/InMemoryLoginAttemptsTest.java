package io.cleanusers.application.fakes;

import io.cleanusers.application.account.port.LoginAttempts;
import io.cleanusers.application.account.port.LoginAttemptsContract;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {

  private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();

  @Override
  protected LoginAttempts attempts() {
    return attempts;
  }
}
