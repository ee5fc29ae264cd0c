package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

/**
 * Random usernames and text: every test makes its own users, so tests depend neither on each other,
 * nor on their order, nor on what else the shared database holds.
 */
public final class Names {

  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Names() {}

  /**
   * A valid username unique per test and run: the prefix, then random lowercase letters and digits
   * up to 18 characters, and never fewer than 8 of them; at most 20 characters.
   */
  public static String uniqueName(String prefix) {
    String name = prefix + randomText(Math.max(8, 18 - prefix.length()));
    assertTrue(name.length() <= 20, name);
    return name;
  }

  /** Random lowercase letters and digits. */
  public static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }
}
