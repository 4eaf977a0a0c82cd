package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxEmail;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.mail.OutboxRetention;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.mail.OutboxStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox retention on whichever database the application runs: emails delivered before the
 * retention period lose their bodies and calendar attachment and keep the rest; a recent, a QUEUED
 * and a FAILED email are untouched; the staff email view still lists the purged ones.
 */
public record OutboxRetentionCheck(RuntimeService runtimeService, OutboxSender sender, OutboxRetention retention,
    MailOutbox mailOutbox, OutboxEmailRepository outbox, OutboxMailProperties properties,
    PlatformTransactionManager transactionManager, Http http, String staffCredentials) {

  private static final GreenMail SMTP = TestSmtpServer.server();
  private static final String INVITE = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

  /** Runs the scenario; the engine clock is moved and reset. */
  public void run() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant longAgo = now.minus(properties.retention().purgeAfter()).minus(Duration.ofDays(10));

    // FAILED long ago: every attempt ran into a closed SMTP port.
    travelTo(longAgo);
    OutboxEmail failed = onlyEmailOf(apply());
    SMTP.stop();
    try {
      Instant attempt = longAgo;
      for (int i = 0; i < properties.sender().maxAttempts(); i++) {
        sender.deliverDue(attempt);
        attempt = attempt.plus(properties.sender().maxBackoff());
      }
    } finally {
      SMTP.start();
    }
    assertThat(outbox.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);

    // Delivered long ago, one of them with a calendar invite.
    Instant deliveredLongAgo = longAgo.plus(Duration.ofDays(1));
    travelTo(deliveredLongAgo);
    ProcessInstance oldPartnership = apply();
    OutboxEmail old = onlyEmailOf(oldPartnership);
    EmailRequest invite = new EmailRequest(Milestone.APPLICATION_RECEIVED, old.getRecipient(), null,
        Map.of("reference", oldPartnership.getBusinessKey(), "contactName", "x", "districtName", "x",
            "schoolYear", "x", "districtLink", "x"),
        old.getPartnershipId(), old.getProcessInstanceId(), "invite").withCalendar(INVITE);
    Boolean inviteQueued = new TransactionTemplate(transactionManager).execute(s -> mailOutbox.enqueue(invite));
    assertThat(inviteQueued).isTrue();
    OutboxEmail oldInvite = outbox.findByIdempotencyKey(invite.idempotencyKey()).orElseThrow();
    sender.deliverDue(deliveredLongAgo);
    ClockUtil.reset();

    // Delivered just now.
    OutboxEmail recent = onlyEmailOf(apply());
    sender.deliverDue(Instant.now());

    // Queued long ago and never attempted (no sender ran since).
    travelTo(deliveredLongAgo);
    OutboxEmail queued = onlyEmailOf(apply());
    ClockUtil.reset();

    OutboxEmail oldBefore = outbox.findById(old.getId()).orElseThrow();
    assertThat(oldBefore.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(oldBefore.getBodyText()).contains(oldPartnership.getBusinessKey());
    assertThat(outbox.findById(oldInvite.getId()).orElseThrow().getCalendarIcs()).isEqualTo(INVITE);

    assertThat(retention.purgeDelivered(now)).isGreaterThanOrEqualTo(2);

    for (Long id : List.of(old.getId(), oldInvite.getId())) {
      OutboxEmail purged = outbox.findById(id).orElseThrow();
      assertThat(purged.getBodyText()).isNull();
      assertThat(purged.getBodyHtml()).isNull();
      assertThat(purged.getCalendarIcs()).isNull();
      assertThat(purged.getPurgedAt()).isEqualTo(now);
      assertThat(purged.getStatus()).isEqualTo(OutboxStatus.SENT);
      assertThat(purged.getRecipient()).isEqualTo(old.getRecipient());
      assertThat(purged.getMilestone()).isEqualTo(Milestone.APPLICATION_RECEIVED);
      assertThat(purged.getSubject()).isNotBlank();
      assertThat(purged.getSentAt()).isEqualTo(deliveredLongAgo);
      assertThat(purged.getCreatedAt()).isEqualTo(deliveredLongAgo);
      assertThat(purged.getAttempts()).isEqualTo(1);
    }
    for (OutboxEmail kept : List.of(failed, recent, queued)) {
      OutboxEmail row = outbox.findById(kept.getId()).orElseThrow();
      assertThat(row.getBodyText()).as("row %s (%s)", row.getId(), row.getStatus()).isNotBlank();
      assertThat(row.getBodyHtml()).isNotBlank();
      assertThat(row.getPurgedAt()).isNull();
    }
    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(outbox.findById(recent.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);

    // A second run (another node, the next hour) finds nothing left to purge among these rows.
    retention.purgeDelivered(now.plusSeconds(60));
    assertThat(outbox.findById(old.getId()).orElseThrow().getPurgedAt()).isEqualTo(now);

    // The staff email view still lists the purged rows, saying when they were purged.
    Http.Response view = http.get("/api/partnerships/" + oldPartnership.getBusinessKey() + "/emails",
        staffCredentials);
    assertThat(view.status()).as(view.body()).isEqualTo(200);
    JsonNode emails = view.json();
    assertThat(emails).hasSize(2).allSatisfy(email -> {
      assertThat(email.get("status").asText()).isEqualTo("SENT");
      assertThat(email.get("recipient").asText()).isEqualTo(old.getRecipient());
      assertThat(Instant.parse(email.get("purgedAt").asText())).isEqualTo(now);
    });
  }

  private ProcessInstance apply() {
    return runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, TestApplications.startForm());
  }

  private OutboxEmail onlyEmailOf(ProcessInstance instance) {
    List<OutboxEmail> rows = outbox.findAll().stream()
        .filter(e -> instance.getId().equals(e.getProcessInstanceId())).toList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static void travelTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
