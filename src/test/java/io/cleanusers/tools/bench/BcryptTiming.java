package io.cleanusers.tools.bench;

import java.util.Arrays;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Times one bcrypt verification at a given cost with the service's own library (jBCrypt), so that
 * the login benchmark of {@code make bench} (scripts/bench.sh, case P3) has its physical limit
 * measured in the same run on the same machine.
 *
 * <p>Arguments: {@code COST ROUNDS}; prints the median seconds of ROUNDS verifications (after one
 * warm-up) as {@code t_bcrypt=<seconds>}.
 */
public final class BcryptTiming {

  private BcryptTiming() {}

  public static void main(String[] args) {
    int cost = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    // The service hashes the 44-character Base64 HMAC of the password: time the same length.
    String password = "x".repeat(44);
    String hash = BCrypt.hashpw(password, BCrypt.gensalt(cost));
    BCrypt.checkpw(password, hash);
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      if (!BCrypt.checkpw(password, hash)) {
        throw new IllegalStateException("bcrypt did not verify its own hash");
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("t_bcrypt=%.4f%n", nanos[rounds / 2] / 1e9);
  }
}
