package org.codeorg.partnerships.partnership;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * District access tokens: 256-bit HMAC-SHA256 values keyed by the server's token secret
 * ({@code partnership.tokens.secret}, from {@code DISTRICT_TOKEN_SECRET}), over the partnership
 * reference and a generation number. The database stores only a SHA-256 hash of the token, so a
 * copy of the database alone opens nothing; the application can still put the district's link into
 * every later email. Reissuing a token bumps the generation, which kills the old one.
 */
@Component
public class DistrictAccessTokens {

  private final byte[] secret;

  public DistrictAccessTokens(@Value("${partnership.tokens.secret}") String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException("partnership.tokens.secret (DISTRICT_TOKEN_SECRET) needs at least 32 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String tokenFor(String reference, int generation) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] value = mac.doFinal((reference + ":" + generation).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** Constant-time comparison of a presented token with the stored hash. */
  public boolean matches(String presentedToken, String storedHash) {
    if (presentedToken == null || storedHash == null || presentedToken.length() > 128) {
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
}
