package org.codeorg.partnerships.mail;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.time.Clock;

import org.codeorg.partnerships.common.NotWaitingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A staff member sends a FAILED email again (after an SMTP outage): back in the queue, its incident resolved. */
@Service
public class OutboxRetries {

  private final OutboxEmailRepository repository;
  private final DeliveryIncidents incidents;
  private final Clock clock;

  public OutboxRetries(OutboxEmailRepository repository, DeliveryIncidents incidents, Clock clock) {
    this.repository = repository;
    this.incidents = incidents;
    this.clock = clock;
  }

  /**
   * Puts a FAILED email of the partnership back in the queue with fresh attempts and resolves its
   * {@code emailDelivery} incident.
   *
   * @throws UnknownEmailException the email does not exist or is another partnership's (404)
   * @throws NotWaitingException unless the email failed for good (409)
   */
  @ConcurrentSubmission("The email was put back in the queue at the same moment")
  @Transactional
  public OutboxEmail retry(Long partnershipId, Long emailId) {
    OutboxEmail email = repository.findById(emailId).filter(e -> partnershipId.equals(e.getPartnershipId()))
        .orElseThrow(() -> new UnknownEmailException(emailId));
    if (email.getStatus() != OutboxStatus.FAILED) {
      throw new NotWaitingException("Email " + emailId + " is " + email.getStatus() + "; only FAILED emails are retried");
    }
    email.requeue(clock.instant());
    incidents.resolve(email);
    incidents.closeResolution(email, "Sent again over the staff API");
    return email;
  }

  /** No such email in this partnership (404). */
  public static class UnknownEmailException extends RuntimeException {
    public UnknownEmailException(Long id) {
      super("No email " + id + " in this partnership");
    }
  }
}
