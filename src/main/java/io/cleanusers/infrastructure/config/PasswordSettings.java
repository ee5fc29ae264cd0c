package io.cleanusers.infrastructure.config;

/** How passwords are checked and hashed ({@code [security.password]}). */
public record PasswordSettings(String pepper, int bcryptCost, int minLength, int hasherThreads) {

  static PasswordSettings read(ConfigValues values) {
    int threads = values.integer("security.password.HASHER_THREADS", 0, 1024);
    return new PasswordSettings(
        values.secret("security.password.PEPPER", 1),
        values.integer("security.password.BCRYPT_COST", 4, 31),
        values.integer("security.password.MIN_LENGTH", 1, 1024),
        threads == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1) : threads);
  }

  @Override
  public String toString() {
    return "PasswordSettings[cost="
        + bcryptCost
        + ", minLength="
        + minLength
        + ", hasherThreads="
        + hasherThreads
        + "]";
  }
}
