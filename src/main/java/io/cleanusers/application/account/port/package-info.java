/** What the account context needs from the outside world: session rows, failure counts, tokens. */
package io.cleanusers.application.account.port;
