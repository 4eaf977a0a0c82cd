package org.codeorg.partnerships.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.DeliveryIncidents;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, scenario 1: 100 milestone emails fall due while SMTP is down. They stay queued, retries
 * back off, exhausted retries become incidents (engine REST, as Cockpit reads them) and FAILED rows
 * in the staff email view; once SMTP is back and the emails are retried, each is delivered exactly
 * once. Prints its figures.
 */
class SmtpOutageTest extends SpringIntegrationTest {

  private static final int EMAILS = 100;

  @Autowired
  OutboxSender sender;
  @Autowired
  OutboxMailProperties properties;

  @Test
  void emailsDueDuringAnOutageAreDeliveredExactlyOnceAfterRecovery() throws Exception {
    Http http = new Http(baseUrl());
    TestSmtpServer.server().stop();
    List<String> references = new ArrayList<>();
    List<Duration> backoffs = new ArrayList<>();
    try {
      for (int i = 0; i < EMAILS; i++) {
        Http.Response applied = http.post("/api/applications", null, Http.application(), Map.of());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        references.add(applied.json().get("reference").asText());
      }

      // Every attempt fails; the back-off doubles from the first retry until the attempts run out.
      Instant now = Instant.now();
      int attempts = 0;
      while (attempts < properties.sender().maxAttempts()) {
        OutboxSender.DeliveryReport report = drain(now);
        assertThat(report.sent()).isZero();
        attempts++;
        JsonNode email = emailOf(http, references.get(0));
        if (!email.get("status").asText().equals("FAILED")) {
          Duration wait = Duration.between(now, Instant.parse(email.get("nextAttemptAt").asText()));
          backoffs.add(wait);
          now = now.plus(wait).plusSeconds(1);
        }
      }
      for (int i = 1; i < backoffs.size(); i++) {
        assertThat(backoffs.get(i)).as("back-off grows").isGreaterThanOrEqualTo(backoffs.get(i - 1));
      }
      for (String reference : references) {
        JsonNode email = emailOf(http, reference);
        assertThat(email.get("status").asText()).isEqualTo("FAILED");
        assertThat(email.get("lastError").asText()).isNotBlank();
      }
      assertThat(incidentsOf(http, references)).as("one incident per failed email, as Cockpit lists them")
          .isEqualTo(EMAILS);
    } finally {
      TestSmtpServer.server().start();
    }

    // SMTP is back: each email is retried by a partnership manager, its incident resolved.
    int before = TestSmtpServer.server().getReceivedMessages().length;
    for (String reference : references) {
      Http.Response retried = http.post("/api/partnerships/" + reference + "/emails/" + emailOf(http, reference)
          .get("id").asText() + "/retry", "manager:manager", Map.of(), Map.of());
      assertThat(retried.status()).as(retried.body()).isEqualTo(202);
    }
    assertThat(http.post("/api/partnerships/" + references.get(0) + "/emails/" + emailOf(http, references.get(0))
        .get("id").asText() + "/retry", "manager:manager", Map.of(), Map.of()).status())
        .as("a queued email is not retried twice").isEqualTo(409);
    drain(Instant.now().plusSeconds(1));
    drain(Instant.now().plusSeconds(2));   // nothing left to send

    MimeMessage[] received = Arrays.copyOfRange(TestSmtpServer.server().getReceivedMessages(), before,
        TestSmtpServer.server().getReceivedMessages().length);
    Map<String, Long> perKey = Arrays.stream(received).collect(Collectors.groupingBy(m -> header(m, "X-Partnership-Email-Key"),
        Collectors.counting()));
    long duplicated = perKey.values().stream().filter(n -> n > 1).count();
    assertThat(perKey).hasSize(EMAILS);
    assertThat(duplicated).isZero();
    assertThat(incidentsOf(http, references)).as("incidents resolved").isZero();
    for (String reference : references) {
      assertThat(emailOf(http, reference).get("status").asText()).isEqualTo("SENT");
    }
    System.out.printf("SMTP outage: emails due %d, failed for good %d (incidents %d), delivered after recovery %d,"
        + " duplicated %d; back-off between attempts %s%n", EMAILS, EMAILS, EMAILS, perKey.size(), duplicated, backoffs);
  }

  /** Runs the sender until nothing more is due at {@code now} (batches of the configured size). */
  private OutboxSender.DeliveryReport drain(Instant now) {
    int attempted = 0;
    int sent = 0;
    int failed = 0;
    OutboxSender.DeliveryReport report;
    do {
      report = sender.deliverDue(now);
      attempted += report.attempted();
      sent += report.sent();
      failed += report.failedAttempts();
    } while (report.attempted() > 0);
    return new OutboxSender.DeliveryReport(attempted, sent, failed);
  }

  /** The email-delivery incidents on the instances of these partnerships (the sample data's emails fail too). */
  private long incidentsOf(Http http, List<String> references) {
    java.util.Set<String> instances = references.stream().map(reference -> processEngine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId())
        .collect(Collectors.toSet());
    List<String> incidentInstances = new ArrayList<>();
    http.get("/engine-rest/incident?incidentType=" + DeliveryIncidents.TYPE, "admin:admin").json()
        .forEach(incident -> incidentInstances.add(incident.get("processInstanceId").asText()));
    return incidentInstances.stream().filter(instances::contains).count();
  }

  private static JsonNode emailOf(Http http, String reference) {
    JsonNode emails = http.get("/api/partnerships/" + reference + "/emails", "manager:manager").json();
    assertThat(emails.size()).isEqualTo(1);
    return emails.get(0);
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name)[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
