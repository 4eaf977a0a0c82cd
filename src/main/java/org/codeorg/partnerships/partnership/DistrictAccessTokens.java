package org.codeorg.partnerships.partnership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * District access tokens: 256 random bits, handed to the district once (in the "application
 * received" email) and stored only as a SHA-256 hash.
 */
@Component
public class DistrictAccessTokens {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  public IssuedToken issue() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedToken(token, hash(token));
  }

  /** Constant-time comparison of a presented token with the stored hash. */
  public boolean matches(String presentedToken, String storedHash) {
    if (presentedToken == null || storedHash == null) {
      return false;
    }
    byte[] presented = hash(presentedToken).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(presented, storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The raw token goes to the district; only the hash is persisted. */
  public record IssuedToken(String token, String hash) {
    @Override
    public String toString() {
      return "IssuedToken[hash=" + hash + "]";
    }
  }
}
