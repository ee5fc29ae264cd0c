package io.cleanusers.it.adapters;

import io.cleanusers.application.account.port.LoginAttempts;
import io.cleanusers.application.account.port.LoginAttemptsContract;

/** The failure counts in PostgreSQL keep the promises of {@link LoginAttempts}. */
class SqlLoginAttemptsIT extends LoginAttemptsContract {

  private final LoginAttempts attempts = PostgresAdapters.loginAttempts();

  @Override
  protected LoginAttempts attempts() {
    return attempts;
  }
}
