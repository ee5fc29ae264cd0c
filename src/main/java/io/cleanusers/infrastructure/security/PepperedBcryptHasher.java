package io.cleanusers.infrastructure.security;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.PasswordHasherBusyException;
import io.cleanusers.domain.user.RawPassword;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Bcrypt over the Base64 of HMAC-SHA256(pepper, password), the original project's scheme
 * (docs/contract/accounts.md, "Password hashing"). At most {@code slots} hashes run at once, so a
 * login flood cannot take every core ("Hasher pool"); a caller that waits longer than {@code
 * maxWait} gets {@link PasswordHasherBusyException}.
 */
public final class PepperedBcryptHasher implements PasswordHasher {

  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec pepper;
  private final int cost;
  private final Semaphore slots;
  private final long maxWaitMillis;
  private final SecureRandom random = new SecureRandom();

  public PepperedBcryptHasher(String pepper, int cost, int slots, long maxWaitMillis) {
    this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), HMAC);
    this.cost = cost;
    this.slots = new Semaphore(slots, true);
    this.maxWaitMillis = maxWaitMillis;
  }

  @Override
  public PasswordHash hash(RawPassword password) {
    String salt = BCrypt.gensalt(cost, random);
    return new PasswordHash(inSlot(() -> BCrypt.hashpw(preHash(password.reveal()), salt)));
  }

  @Override
  public boolean verify(RawPassword password, PasswordHash hash) {
    if (!isBcrypt(hash.value())) {
      return false;
    }
    // jBCrypt reads both $2a$ and $2b$ alike; normalising keeps its prefix check happy.
    String stored = hash.value().replaceFirst("^\\$2b\\$", "\\$2a\\$");
    byte[] expected = stored.getBytes(StandardCharsets.US_ASCII);
    return inSlot(
        () ->
            MessageDigest.isEqual(
                expected,
                BCrypt.hashpw(preHash(password.reveal()), stored)
                    .getBytes(StandardCharsets.US_ASCII)));
  }

  /** Base64(HMAC-SHA256(pepper, UTF-8 password)): 44 ASCII bytes, below bcrypt's 72. */
  String preHash(String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(pepper);
      byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private <T> T inSlot(Supplier<T> work) {
    try {
      if (!slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
        throw new PasswordHasherBusyException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHasherBusyException();
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  private static boolean isBcrypt(String hash) {
    return hash.length() == 60 && (hash.startsWith("$2a$") || hash.startsWith("$2b$"));
  }
}
