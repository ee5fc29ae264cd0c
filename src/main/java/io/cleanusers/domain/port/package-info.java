/** What the domain needs from outside: password hashing and id generation. */
package io.cleanusers.domain.port;
