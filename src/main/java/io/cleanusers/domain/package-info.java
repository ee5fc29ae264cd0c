/**
 * The domain layer: users, their value objects and the rules that hold whatever the application
 * does with them. Plain Java only; it depends on nothing outside {@code java.*}. Its ports ({@code
 * PasswordHasher}, {@code UserIdGenerator}) name what it needs from the outside world, beside the
 * types they speak of.
 */
package io.cleanusers.domain;
