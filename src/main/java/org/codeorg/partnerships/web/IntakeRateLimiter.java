package org.codeorg.partnerships.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token bucket per client address for {@code POST /api/applications}: a burst of
 * {@code partnership.intake.rate-limit.requests-per-minute}, refilled evenly over a minute.
 * The limit is a setting (load tests and drills raise it); buckets live in memory per node.
 */
@Component
public class IntakeRateLimiter {

  private static final int MAX_TRACKED_CLIENTS = 100_000;

  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile int requestsPerMinute;

  public IntakeRateLimiter(@Value("${partnership.intake.rate-limit.requests-per-minute:30}") int requestsPerMinute,
      Clock clock) {
    this.clock = clock;
    setRequestsPerMinute(requestsPerMinute);
  }

  /** Empty when allowed; otherwise how long the client should wait. */
  public java.util.Optional<Duration> tryAcquire(String client) {
    Instant now = clock.instant();
    if (buckets.size() > MAX_TRACKED_CLIENTS) {
      buckets.values().removeIf(bucket -> bucket.isFullAt(now, requestsPerMinute));
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(requestsPerMinute, now));
    synchronized (bucket) {
      return bucket.take(now, requestsPerMinute);
    }
  }

  public void setRequestsPerMinute(int requestsPerMinute) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("partnership.intake.rate-limit.requests-per-minute must be at least 1");
    }
    this.requestsPerMinute = requestsPerMinute;
    buckets.clear();
  }

  public int getRequestsPerMinute() {
    return requestsPerMinute;
  }

  private static final class Bucket {
    private double tokens;
    private Instant updated;

    Bucket(int capacity, Instant now) {
      this.tokens = capacity;
      this.updated = now;
    }

    java.util.Optional<Duration> take(Instant now, int perMinute) {
      refill(now, perMinute);
      if (tokens >= 1) {
        tokens -= 1;
        return java.util.Optional.empty();
      }
      double secondsPerToken = 60.0 / perMinute;
      long waitMillis = (long) Math.ceil((1 - tokens) * secondsPerToken * 1000);
      return java.util.Optional.of(Duration.ofMillis(Math.max(waitMillis, 1)));
    }

    boolean isFullAt(Instant now, int perMinute) {
      refill(now, perMinute);
      return tokens >= perMinute;
    }

    private void refill(Instant now, int perMinute) {
      double elapsedSeconds = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
      tokens = Math.min(perMinute, tokens + elapsedSeconds * perMinute / 60.0);
      updated = now;
    }
  }
}
