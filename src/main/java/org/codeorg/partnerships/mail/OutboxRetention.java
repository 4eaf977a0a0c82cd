package org.codeorg.partnerships.mail;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clears what a delivered email no longer needs: its rendered bodies and calendar attachment, which
 * hold the district's link and access token. The row itself (recipient, milestone, subject, status,
 * attempts and dates) stays for the staff email view. QUEUED, SENDING and FAILED rows are never
 * touched: they may still be sent, or retried by staff.
 */
@Service
public class OutboxRetention {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final OutboxEmailRepository repository;
  private final OutboxMailProperties properties;

  public OutboxRetention(OutboxEmailRepository repository, OutboxMailProperties properties) {
    this.repository = repository;
    this.properties = properties;
  }

  /**
   * Purges the SENT rows delivered more than {@code partnership.mail.retention.purge-after} before
   * {@code now}.
   *
   * @return how many rows this call purged (rows purged earlier, or by another node, are not counted)
   */
  @Transactional
  public int purgeDelivered(Instant now) {
    int purged = repository.purgeDeliveredBefore(now.minus(properties.retention().purgeAfter()), now);
    if (purged > 0) {
      log.info("Outbox retention: purged the bodies and attachments of {} emails delivered more than {} ago", purged,
          properties.retention().purgeAfter());
    }
    return purged;
  }
}
