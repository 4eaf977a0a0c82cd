package org.codeorg.partnerships.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Settings of the email outbox ({@code partnership.mail.*}). */
@Validated
@ConfigurationProperties("partnership.mail")
public record OutboxMailProperties(
    @NotBlank String from,
    @NotBlank String defaultReplyTo,
    @NotBlank String publicBaseUrl,
    @Valid @NotNull Sender sender,
    @Valid @NotNull Retention retention) {

  public record Sender(
      boolean enabled,
      @NotNull Duration pollInterval,
      @Min(1) int batchSize,
      @Min(1) int maxAttempts,
      @NotNull Duration initialBackoff,
      @NotNull Duration maxBackoff,
      @NotNull Duration claimTimeout) {

    /** Wait before attempt {@code failedAttempts + 1}: doubles each time, capped. */
    public Duration backoffAfter(int failedAttempts) {
      int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
      Duration delay = initialBackoff.multipliedBy(1L << doublings);
      return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
  }

  /**
   * How long a delivered email keeps its rendered bodies and calendar attachment ({@code purgeAfter},
   * e.g. {@code 90d}), and how often each node looks for rows to purge ({@code purgeInterval}).
   */
  public record Retention(
      boolean enabled,
      @NotNull Duration purgeAfter,
      @NotNull Duration purgeInterval) {
  }
}
