package org.codeorg.partnerships.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@value #HEADER} header of every POST of the API ({@code /api/**}), as a client sends it to
 * retry safely after a time-out: the first request with a key runs and its answer (status, body,
 * Location) is kept for 24 hours; a repeat with the same key, path and body gets that answer again
 * without running (header {@code Idempotent-Replayed: true}); the same key with another path or body
 * is a 422 problem; a repeat while the first still runs waits for its answer, else 409. Keys are
 * per caller (staff user, district link, or anonymous intake). A 5xx answer is not kept, so a retry
 * runs again. After the security filters: refused requests never claim a key.
 */
@Configuration
public class IdempotencyKeys {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);
  private static final int MAX_KEY_LENGTH = 200;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> idempotencyKeyFilter(JdbcTemplate jdbc, Clock clock,
      @Value("${partnership.api.idempotency-wait-ms:10000}") long waitMillis) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new KeyFilter(new Store(jdbc, clock), Duration.ofMillis(waitMillis)));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(ApiGuard.ORDER + 1);
    return registration;
  }

  /** A stored answer; {@code status} null while the first request runs. */
  record Answer(String requestHash, Integer status, String contentType, String location, String body) {
  }

  /** The table of migration V7; every statement commits on its own, outside the request's transactions. */
  static final class Store {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Store(JdbcTemplate jdbc, Clock clock) {
      this.jdbc = jdbc;
      this.clock = clock;
    }

    /** @return true when this request holds the key now; false when another request claimed it first */
    boolean claim(String keyHash, String requestHash) {
      Instant now = clock.instant();
      jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(now.minus(KEPT)));
      try {
        jdbc.update("INSERT INTO idempotency_key (key_hash, request_hash, created_at) VALUES (?, ?, ?)",
            keyHash, requestHash, Timestamp.from(now));
        return true;
      } catch (DuplicateKeyException claimed) {
        return false;
      }
    }

    Optional<Answer> find(String keyHash) {
      List<Answer> found = jdbc.query("SELECT request_hash, status, content_type, location, body FROM idempotency_key"
          + " WHERE key_hash = ? AND created_at >= ?", (rs, row) -> new Answer(rs.getString(1),
              (Integer) rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4), rs.getString(5)),
          keyHash, Timestamp.from(clock.instant().minus(KEPT)));
      return found.stream().findFirst();
    }

    void keep(String keyHash, int status, String contentType, String location, String body) {
      jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? WHERE key_hash = ?",
          status, contentType, location, body, keyHash);
    }

    void release(String keyHash) {
      jdbc.update("DELETE FROM idempotency_key WHERE key_hash = ?", keyHash);
    }
  }

  static final class KeyFilter extends OncePerRequestFilter {

    private final Store store;
    private final Duration wait;

    KeyFilter(Store store, Duration wait) {
      this.store = store;
      this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String key = request.getHeader(HEADER).trim();
      if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        FilterProblems.write(response, 400, "Invalid input", HEADER + " must be 1 to " + MAX_KEY_LENGTH
            + " visible ASCII characters (a UUID, say)");
        return;
      }
      byte[] body;
      try {
        body = request.getInputStream().readAllBytes();
      } catch (LimitedBodyRequest.PayloadTooLargeException e) {
        FilterProblems.write(response, 413, "Request too large", e.getMessage());
        return;
      }
      String keyHash = sha256((caller() + "\n" + key).getBytes(StandardCharsets.UTF_8));
      String requestHash = sha256(concat((request.getMethod() + " " + request.getRequestURI() + "?"
          + Optional.ofNullable(request.getQueryString()).orElse("") + "\n").getBytes(StandardCharsets.UTF_8), body));

      if (!store.claim(keyHash, requestHash)) {
        answerFromStore(keyHash, requestHash, response);
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      boolean kept = false;
      try {
        chain.doFilter(new CachedBodyRequest(request, body), answer);
        if (answer.getStatus() < 500) {
          store.keep(keyHash, answer.getStatus(), answer.getContentType(), answer.getHeader("Location"),
              new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
          kept = true;
        }
      } finally {
        if (!kept) {
          store.release(keyHash);
        }
        answer.copyBodyToResponse();
      }
    }

    /** A repeat: the first request's answer (after waiting for it while it runs), or 422 for a different request. */
    private void answerFromStore(String keyHash, String requestHash, HttpServletResponse response) throws IOException {
      Instant giveUp = Instant.now().plus(wait);
      Optional<Answer> stored = store.find(keyHash);
      while (stored.isPresent() && stored.get().status() == null && Instant.now().isBefore(giveUp)) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        stored = store.find(keyHash);
      }
      if (stored.isEmpty()) {
        // The first request failed (5xx, released its claim) or expired between the claim and now.
        FilterProblems.write(response, 409, "Changed at the same moment", "The first request with this "
            + HEADER + " did not complete; send it again");
      } else if (!stored.get().requestHash().equals(requestHash)) {
        FilterProblems.write(response, 422, "Idempotency-Key reused", "This " + HEADER + " was used within 24 hours"
            + " for a different request (another path or body); use a new key for a new request");
      } else if (stored.get().status() == null) {
        FilterProblems.write(response, 409, "Changed at the same moment", "The first request with this "
            + HEADER + " is still running; send it again later to get its answer");
      } else {
        Answer first = stored.get();
        response.setStatus(first.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (first.location() != null) {
          response.setHeader("Location", first.location());
        }
        if (first.contentType() != null) {
          response.setContentType(first.contentType());
        }
        if (first.body() != null) {
          response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    private static String caller() {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()
          ? "anonymous" : authentication.getClass().getSimpleName() + ":" + authentication.getName();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
