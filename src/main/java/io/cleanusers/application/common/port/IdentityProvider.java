package io.cleanusers.application.common.port;

import io.cleanusers.application.common.exception.NotAuthenticatedException;

/**
 * Tells the application who is calling, without saying how (the auth context's sessions). The
 * caller's role comes from the user's row on every request, so changes apply at once.
 */
public interface IdentityProvider {

  /** The active user behind the request; throws {@link NotAuthenticatedException} if none. */
  Caller currentCaller();
}
