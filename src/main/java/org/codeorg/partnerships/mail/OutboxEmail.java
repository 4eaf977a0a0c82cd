package org.codeorg.partnerships.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "email_outbox")
public class OutboxEmail {

  /** Rows are written by {@link MailOutbox#enqueue}, which takes the id from the sequence in its insert (one by one). */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_outbox_seq")
  @SequenceGenerator(name = "email_outbox_seq", sequenceName = "email_outbox_seq", allocationSize = 1)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, updatable = false)
  private String idempotencyKey;

  @Column(name = "partnership_id")
  private Long partnershipId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Milestone milestone;

  @Column(nullable = false)
  private String recipient;

  @Column(name = "reply_to")
  private String replyTo;

  @Column(nullable = false)
  private String subject;

  /** Null once purged ({@link #getPurgedAt()}). */
  @Column(name = "body_text", length = 1_000_000)
  private String bodyText;

  /** Null once purged ({@link #getPurgedAt()}). */
  @Column(name = "body_html", length = 1_000_000)
  private String bodyHtml;

  /** An iCalendar invite sent as a text/calendar attachment (workshop emails). */
  @Column(name = "calendar_ics", length = 100_000)
  private String calendarIcs;

  /** A file sent with the email (the PD certificate PDF); null without one or once purged. */
  @Column(name = "attachment_name", length = 200)
  private String attachmentName;

  @Column(name = "attachment_type", length = 100)
  private String attachmentType;

  @Column(name = "attachment_content")
  @JdbcTypeCode(SqlTypes.VARBINARY)
  private byte[] attachmentContent;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private OutboxStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** When the bodies and the attachment were cleared ({@link OutboxRetention}); null while they are kept. */
  @Column(name = "purged_at")
  private Instant purgedAt;

  protected OutboxEmail() {
  }

  OutboxEmail(EmailRequest request, String subject, RenderedEmail body, Instant now) {
    this.idempotencyKey = request.idempotencyKey();
    this.partnershipId = request.partnershipId();
    this.processInstanceId = request.processInstanceId();
    this.milestone = request.milestone();
    this.recipient = request.recipient();
    this.replyTo = request.replyTo();
    this.subject = subject;
    this.bodyText = body.text();
    this.bodyHtml = body.html();
    this.calendarIcs = request.calendar();
    if (request.attachment() != null) {
      this.attachmentName = request.attachment().fileName();
      this.attachmentType = request.attachment().contentType();
      this.attachmentContent = request.attachment().content();
    }
    this.status = OutboxStatus.QUEUED;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  void markSent(Instant now) {
    status = OutboxStatus.SENT;
    sentAt = now;
    claimedAt = null;
    lastError = null;
    attempts++;
  }

  /** A staff member confirmed that the recipient has it: SENT, and why, without another attempt. */
  void markDeliveredByHand(Instant now, String by) {
    status = OutboxStatus.SENT;
    sentAt = now;
    claimedAt = null;
    lastError = "Marked as delivered by " + by + " (was: " + (lastError == null ? "" : lastError.substring(0,
        Math.min(lastError.length(), 900))) + ")";
  }

  /** Sends a FAILED email to a corrected address (the body is the same). */
  void redirect(String address) {
    recipient = address;
  }

  /** A FAILED email goes back to the queue with a fresh set of attempts. */
  void requeue(Instant now) {
    status = OutboxStatus.QUEUED;
    attempts = 0;
    nextAttemptAt = now;
    claimedAt = null;
  }

  void markAttemptFailed(String error, Instant now, OutboxMailProperties.Sender policy) {
    attempts++;
    claimedAt = null;
    lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
    if (attempts >= policy.maxAttempts()) {
      status = OutboxStatus.FAILED;
    } else {
      status = OutboxStatus.QUEUED;
      nextAttemptAt = now.plus(policy.backoffAfter(attempts));
    }
  }

  public Long getId() {
    return id;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public Long getPartnershipId() {
    return partnershipId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Milestone getMilestone() {
    return milestone;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getReplyTo() {
    return replyTo;
  }

  public String getSubject() {
    return subject;
  }

  public String getBodyText() {
    return bodyText;
  }

  /** @return null without an attachment or once purged */
  public String getAttachmentName() {
    return attachmentContent == null ? null : attachmentName;
  }

  public String getAttachmentType() {
    return attachmentType;
  }

  /** @return null without an attachment or once purged */
  public byte[] getAttachmentContent() {
    return attachmentContent;
  }

  public String getCalendarIcs() {
    return calendarIcs;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public OutboxStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Instant getPurgedAt() {
    return purgedAt;
  }
}
