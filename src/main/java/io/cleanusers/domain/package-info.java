/**
 * The domain layer: users, their value objects and the rules that hold whatever the
 * application does with them. Plain Java only; it depends on nothing outside {@code java.*}.
 * Ports ({@link io.cleanusers.domain.port}) name what the domain needs from the outside world.
 */
package io.cleanusers.domain;
