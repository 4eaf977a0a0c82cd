package org.codeorg.partnerships.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.OutboxConflictCheck;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox over a real SMTP conversation: delivered once, kept while SMTP is down, failed rows kept visible. */
class MailOutboxDeliveryTest extends SpringIntegrationTest {

  private static final GreenMail SMTP = TestSmtpServer.server();

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  OutboxSender sender;
  @Autowired
  MailOutbox mailOutbox;
  @Autowired
  OutboxEmailRepository outbox;
  @Autowired
  OutboxMailProperties properties;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  TestRestTemplate http;
  @Autowired
  PartnershipEmails partnershipEmails;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aMilestoneEmailIsDeliveredOverSmtpExactlyOnce() throws Exception {
    String recipient = applyAndReturnContactEmail();
    OutboxEmail queued = onlyEmailTo(recipient);
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    sender.deliverDue(now);
    sender.deliverDue(now.plus(Duration.ofDays(1)));   // a later poll must not send it again

    List<MimeMessage> received = receivedBy(recipient);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(message.getSubject()).isEqualTo(queued.getSubject()).contains("DP-");
    assertThat(Arrays.stream(message.getReplyTo()).map(Address::toString))
        .containsExactly(properties.defaultReplyTo());
    assertThat(message.getFrom()[0].toString()).isEqualTo(properties.from());
    assertThat(message.getHeader("X-Partnership-Email-Key")[0]).isEqualTo(queued.getIdempotencyKey());
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains("text/plain").contains("text/html");
    assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);

    OutboxEmail sent = outbox.findById(queued.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(sent.getSentAt()).isEqualTo(now);
  }

  @Test
  void enqueueingTheSameMilestoneTwiceKeepsOneRow() {
    String recipient = applyAndReturnContactEmail();
    OutboxEmail first = onlyEmailTo(recipient);
    EmailRequest again = EmailRequest.once(Milestone.APPLICATION_RECEIVED, recipient, null,
        Map.of("reference", "DP-2099-9999", "contactName", "x", "districtName", "x", "schoolYear", "x",
            "districtLink", "x"),
        first.getPartnershipId(), first.getProcessInstanceId());

    Boolean queued = new TransactionTemplate(transactionManager).execute(s -> mailOutbox.enqueue(again));

    assertThat(queued).isFalse();
    assertThat(outbox.findAll().stream().filter(e -> e.getRecipient().equals(recipient))).singleElement()
        .satisfies(kept -> {
          assertThat(kept.getId()).isEqualTo(first.getId());
          assertThat(kept.getBodyText()).isEqualTo(first.getBodyText()).doesNotContain("DP-2099-9999");
        });
  }

  @Test
  void anEmailAskedForAgainLeavesTheFirstRowInOneStatement() {
    new OutboxConflictCheck(mailOutbox, outbox, transactionManager).aRepeatLeavesTheFirstRow();
  }

  @Test
  void twoTransactionsQueueingTheSameEmailLeaveOneRowAndNoError() throws Exception {
    new OutboxConflictCheck(mailOutbox, outbox, transactionManager).twoTransactionsAtOnceLeaveOneRowAndNoError();
  }

  /**
   * Queueing an email of a partnership already in the database writes the row and nothing else of
   * the step: its other changes wait for the commit, where a concurrent request's lost race becomes
   * a 409 (ConcurrentDuplicatesTest got a 500 when the outbox flushed Hibernate here). The
   * registration before it (a partnership created in the same transaction) had to write the
   * partnership first, or its row would break the foreign key.
   */
  @Test
  void queueingAnEmailLeavesTheStepsOtherChangesToTheCommit() {
    String recipient = applyAndReturnContactEmail();
    Long id = onlyEmailTo(recipient).getPartnershipId();
    String generationSql = "SELECT token_generation FROM partnership WHERE id = ?";
    int before = jdbc.queryForObject(generationSql, Integer.class, id);

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      Partnership p = partnerships.findById(id).orElseThrow();
      p.rotateToken("not-a-real-hash-" + System.nanoTime(), Instant.now());
      assertThat(partnershipEmails.toDistrict(p, Milestone.ACCESS_LINK_REISSUED, p.getProcessInstanceId(),
          "flush-check", Map.of())).isTrue();
      // The same connection: the outbox's row is there, the partnership's change is not written yet.
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE partnership_id = ? AND milestone = ?",
          Integer.class, id, Milestone.ACCESS_LINK_REISSUED.name())).isEqualTo(1);
      assertThat(jdbc.queryForObject(generationSql, Integer.class, id)).isEqualTo(before);
    });

    assertThat(jdbc.queryForObject(generationSql, Integer.class, id)).isEqualTo(before + 1);
  }

  @Test
  void whileSmtpIsDownEmailsStayQueuedAndAreDeliveredOnceItReturns() throws Exception {
    String recipient = applyAndReturnContactEmail();
    Long id = onlyEmailTo(recipient).getId();
    Instant outageStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    SMTP.stop();
    try {
      OutboxSender.DeliveryReport report = sender.deliverDue(outageStart);
      assertThat(report.failedAttempts()).isPositive();

      OutboxEmail afterFailure = outbox.findById(id).orElseThrow();
      assertThat(afterFailure.getStatus()).isEqualTo(OutboxStatus.QUEUED);
      assertThat(afterFailure.getAttempts()).isEqualTo(1);
      assertThat(afterFailure.getLastError()).containsIgnoringCase("connect");
      assertThat(afterFailure.getNextAttemptAt()).isEqualTo(outageStart.plus(properties.sender().initialBackoff()));

      // Within the back-off the row is not tried again, and the application keeps serving.
      sender.deliverDue(outageStart.plusSeconds(5));
      assertThat(outbox.findById(id).orElseThrow().getAttempts()).isEqualTo(1);
      assertThat(http.getForEntity(baseUrl() + "/actuator/health", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    } finally {
      SMTP.start();
    }

    sender.deliverDue(outageStart.plus(properties.sender().initialBackoff()));

    assertThat(receivedBy(recipient)).hasSize(1);
    OutboxEmail delivered = outbox.findById(id).orElseThrow();
    assertThat(delivered.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(delivered.getAttempts()).isEqualTo(2);
    assertThat(delivered.getLastError()).isNull();
  }

  @Test
  void anEmailWhoseAttemptsRunOutIsKeptAsFailedWithItsError() {
    String recipient = applyAndReturnContactEmail();
    Long id = onlyEmailTo(recipient).getId();
    Instant clock = Instant.now();
    SMTP.stop();
    try {
      for (int attempt = 1; attempt <= properties.sender().maxAttempts(); attempt++) {
        sender.deliverDue(clock);
        clock = clock.plus(properties.sender().maxBackoff());
      }
    } finally {
      SMTP.start();
    }
    OutboxEmail failed = outbox.findById(id).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(properties.sender().maxAttempts());
    assertThat(failed.getLastError()).isNotBlank();

    sender.deliverDue(clock.plus(Duration.ofDays(30)));
    assertThat(outbox.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
    assertThat(receivedBy(recipient)).isEmpty();
  }

  @Test
  void backOffDoublesUpToItsCap() {
    OutboxMailProperties.Sender policy = properties.sender();
    assertThat(policy.backoffAfter(1)).isEqualTo(policy.initialBackoff());
    assertThat(policy.backoffAfter(2)).isEqualTo(policy.initialBackoff().multipliedBy(2));
    assertThat(policy.backoffAfter(3)).isEqualTo(policy.initialBackoff().multipliedBy(4));
    assertThat(policy.backoffAfter(60)).isEqualTo(policy.maxBackoff());
  }

  private String applyAndReturnContactEmail() {
    Map<String, Object> application = TestApplications.startForm();
    runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);
    return (String) application.get("contactEmail");
  }

  private OutboxEmail onlyEmailTo(String recipient) {
    List<OutboxEmail> rows = outbox.findAll().stream().filter(e -> e.getRecipient().equals(recipient)).toList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static List<MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
