package org.codeorg.partnerships.mail;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox purge on every node; the purge is a single conditional UPDATE, so nodes need no
 * coordination. Tests call {@link OutboxRetention#purgeDelivered} by hand.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "partnership.mail.retention.enabled", havingValue = "true", matchIfMissing = true)
class OutboxRetentionSchedule {

  private final OutboxRetention retention;
  private final Clock clock;

  OutboxRetentionSchedule(OutboxRetention retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${partnership.mail.retention.purge-interval}",
      initialDelayString = "${partnership.mail.retention.purge-interval}")
  void purgeDeliveredEmails() {
    retention.purgeDelivered(clock.instant());
  }
}
