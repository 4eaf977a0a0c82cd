package org.codeorg.partnerships.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A milestone email to put in the outbox. The idempotency key names the process instance, the
 * milestone and the recipient (README, "Email milestones: the outbox"), so a retried step finds the row it wrote before.
 */
public record EmailRequest(
    Milestone milestone,
    String recipient,
    String replyTo,
    Map<String, Object> model,
    Long partnershipId,
    String processInstanceId,
    String occurrence,
    String calendar,
    Attachment attachment) {

  /** A file sent with the email (e.g. the PD certificate PDF); {@code content} is the file's bytes. */
  public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }
  }

  public EmailRequest(Milestone milestone, String recipient, String replyTo, Map<String, Object> model,
      Long partnershipId, String processInstanceId, String occurrence, String calendar) {
    this(milestone, recipient, replyTo, model, partnershipId, processInstanceId, occurrence, calendar, null);
  }

  public EmailRequest {
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    model = Map.copyOf(model);
  }

  public EmailRequest(Milestone milestone, String recipient, String replyTo, Map<String, Object> model,
      Long partnershipId, String processInstanceId, String occurrence) {
    this(milestone, recipient, replyTo, model, partnershipId, processInstanceId, occurrence, null);
  }

  /** The same email with an iCalendar invite (text/calendar) attached. */
  public EmailRequest withCalendar(String ics) {
    return new EmailRequest(milestone, recipient, replyTo, model, partnershipId, processInstanceId, occurrence, ics,
        attachment);
  }

  /** The same email with a file attached. */
  public EmailRequest withAttachment(Attachment file) {
    return new EmailRequest(milestone, recipient, replyTo, model, partnershipId, processInstanceId, occurrence, calendar,
        file);
  }

  EmailRequest withReplyTo(String address) {
    return new EmailRequest(milestone, recipient, address, model, partnershipId, processInstanceId, occurrence,
        calendar, attachment);
  }

  /** A milestone sent once per instance and recipient. */
  public static EmailRequest once(Milestone milestone, String recipient, String replyTo, Map<String, Object> model,
      Long partnershipId, String processInstanceId) {
    return new EmailRequest(milestone, recipient, replyTo, model, partnershipId, processInstanceId, null);
  }

  /** {@code occurrence} tells repeated milestones apart (e.g. the 2nd reminder). */
  public String idempotencyKey() {
    String key = processInstanceId + "/" + milestone.name() + "/" + recipient.toLowerCase(Locale.ROOT);
    return occurrence == null ? key : key + "/" + occurrence;
  }
}
