package org.codeorg.partnerships.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows over SMTP. Each row is claimed in its own short transaction, handed
 * to SMTP outside any transaction, then marked sent, or rescheduled with back-off on failure.
 * Rows whose attempts are exhausted stay in the table as FAILED with their last error and raise
 * an incident on their process instance ({@link DeliveryIncidents}); so do rows whose sender
 * stopped mid-hand-off, whose outcome is unknown (never sent twice automatically).
 */
@Service
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final java.util.regex.Pattern EMAIL_ADDRESS = java.util.regex.Pattern.compile("[^\\s<>@]+@[^\\s<>@]+");

  private static final java.util.regex.Pattern CALENDAR_METHOD =
      java.util.regex.Pattern.compile("(?m)^METHOD:([A-Z-]+)\\r?$");

  static final String ABANDONED = "Delivery outcome unknown: the sender stopped while handing this email to SMTP."
      + " Check whether the recipient received it before retrying.";

  private final OutboxEmailRepository repository;
  private final JavaMailSender mailSender;
  private final OutboxMailProperties properties;
  private final TransactionTemplate tx;
  private final DeliveryIncidents incidents;

  public OutboxSender(OutboxEmailRepository repository, JavaMailSender mailSender, OutboxMailProperties properties,
      PlatformTransactionManager transactionManager, DeliveryIncidents incidents) {
    this.incidents = incidents;
    this.repository = repository;
    this.mailSender = mailSender;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactionManager);
  }

  public record DeliveryReport(int attempted, int sent, int failedAttempts) {
  }

  /** Attempts every row due at {@code now}, up to the batch size. */
  public DeliveryReport deliverDue(Instant now) {
    OutboxMailProperties.Sender policy = properties.sender();
    settleAbandoned(now.minus(policy.claimTimeout()));
    List<Long> due = tx.execute(s -> repository.findDueIds(now, PageRequest.of(0, policy.batchSize())));
    int sent = 0;
    int failed = 0;
    int attempted = 0;
    for (Long id : due) {
      OutboxEmail email = tx.execute(s -> repository.claim(id, now) == 1
          ? repository.findById(id).orElseThrow() : null);
      if (email == null) {
        continue; // another sender took it
      }
      attempted++;
      try {
        mailSender.send(toMimeMessage(email));
        tx.executeWithoutResult(s -> repository.findById(id).orElseThrow().markSent(now));
        sent++;
      } catch (MailException | MessagingException e) {
        failed++;
        tx.executeWithoutResult(s -> {
          OutboxEmail failedEmail = repository.findById(id).orElseThrow();
          failedEmail.markAttemptFailed(describe(e), now, policy);
          if (failedEmail.getStatus() == OutboxStatus.FAILED) {
            incidents.raise(failedEmail);
          }
        });
        // SMTP errors often quote the recipient: no personal data in logs above DEBUG.
        log.warn("Email {} ({}) not delivered on attempt {}: {}", id, email.getMilestone(), email.getAttempts() + 1,
            EMAIL_ADDRESS.matcher(describe(e)).replaceAll("<address>"));
      }
    }
    if (attempted > 0) {
      log.info("Outbox: {} attempted, {} sent, {} failed attempts", attempted, sent, failed);
    }
    return new DeliveryReport(attempted, sent, failed);
  }

  /**
   * A row left SENDING by a sender that stopped (a crashed node) may or may not have reached SMTP.
   * Sending it again could deliver it twice, so it becomes FAILED with an incident: a person checks
   * the recipient's mailbox and retries it if it did not arrive.
   */
  private void settleAbandoned(Instant staleBefore) {
    for (Long id : tx.execute(s -> repository.findAbandonedIds(staleBefore))) {
      tx.executeWithoutResult(s -> {
        if (repository.abandon(id, staleBefore, ABANDONED) == 1) {
          OutboxEmail email = repository.findById(id).orElseThrow();
          incidents.raise(email);
          log.warn("Email {} ({}) was being sent when its sender stopped; set FAILED for a person to check", id,
              email.getMilestone());
        }
      });
    }
  }

  private MimeMessage toMimeMessage(OutboxEmail email) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(email.getRecipient());
    if (email.getReplyTo() != null) {
      helper.setReplyTo(email.getReplyTo());
    }
    helper.setSubject(email.getSubject());
    helper.setText(email.getBodyText(), email.getBodyHtml());
    if (email.getCalendarIcs() != null) {
      // iTIP: the part's method parameter must match the calendar's METHOD (REQUEST or CANCEL).
      java.util.regex.Matcher method = CALENDAR_METHOD.matcher(email.getCalendarIcs());
      helper.addAttachment("invite.ics", new ByteArrayResource(email.getCalendarIcs().getBytes(StandardCharsets.UTF_8)),
          "text/calendar; method=" + (method.find() ? method.group(1) : "PUBLISH") + "; charset=UTF-8");
    }
    if (email.getAttachmentContent() != null) {
      helper.addAttachment(email.getAttachmentName(), new ByteArrayResource(email.getAttachmentContent()),
          email.getAttachmentType());
    }
    message.setHeader("X-Partnership-Email-Key", email.getIdempotencyKey());
    // The same Message-ID on every attempt lets receiving servers drop a duplicate delivery
    // (JavaMailSenderImpl keeps a Message-ID that is set before sending).
    message.setHeader("Message-ID", "<" + sha256(email.getIdempotencyKey()) + "@partnerships.code.org>");
    return message;
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
