package org.codeorg.partnerships.mail;

import java.time.Clock;

import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.mail.UndeliveredEmailProcess.EmailResolution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partnership manager decides for an undelivered email (Tasklist task "Resolve an
 * undelivered email"): send it again, send it to a corrected address, or mark it delivered. Either
 * way its {@code emailDelivery} incident is resolved, so Cockpit shows it until the task ends.
 */
@Service
public class UndeliveredEmails {

  private final OutboxEmailRepository repository;
  private final DeliveryIncidents incidents;
  private final Clock clock;

  public UndeliveredEmails(OutboxEmailRepository repository, DeliveryIncidents incidents, Clock clock) {
    this.repository = repository;
    this.incidents = incidents;
    this.clock = clock;
  }

  /**
   * @param correctedAddress the new recipient, required for {@link EmailResolution#SEND_TO_CORRECTED_ADDRESS}
   * @param decidedBy the partnership manager, kept in the email's last error for the staff email view
   * @throws NotWaitingException the email is no longer FAILED (sent again over the API meanwhile):
   *     the task stays open and Tasklist shows why
   * @throws IllegalArgumentException the email does not exist, or a corrected address is missing
   */
  @Transactional
  public OutboxEmail resolve(Long emailId, EmailResolution resolution, String correctedAddress, String decidedBy) {
    OutboxEmail email = repository.findById(emailId)
        .orElseThrow(() -> new IllegalArgumentException("No email " + emailId));
    if (email.getStatus() != OutboxStatus.FAILED) {
      throw new NotWaitingException("Email " + emailId + " is " + email.getStatus() + " now; nothing to resolve");
    }
    switch (resolution) {
      case SEND_AGAIN -> email.requeue(clock.instant());
      case SEND_TO_CORRECTED_ADDRESS -> {
        if (correctedAddress == null || correctedAddress.isBlank()) {
          throw new IllegalArgumentException("A corrected address is required");
        }
        email.redirect(correctedAddress.trim());
        email.requeue(clock.instant());
      }
      case MARK_DELIVERED -> email.markDeliveredByHand(clock.instant(), decidedBy);
    }
    incidents.resolve(email);
    return email;
  }
}
