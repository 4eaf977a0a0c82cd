package org.codeorg.partnerships.mail;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Polls the outbox. Tests switch it off and call {@link OutboxSender#deliverDue} by hand. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "partnership.mail.sender.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSenderSchedule {

  private final OutboxSender sender;
  private final Clock clock;

  OutboxSenderSchedule(OutboxSender sender, Clock clock) {
    this.sender = sender;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${partnership.mail.sender.poll-interval}",
      initialDelayString = "${partnership.mail.sender.poll-interval}")
  void deliverDueEmails() {
    sender.deliverDue(clock.instant());
  }
}
