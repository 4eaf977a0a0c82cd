package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Concurrently;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A double-click or a client's retry after a time-out sends the same submission again while the
 * first is still running: every copy answers as the first did or with a 409 saying what already
 * happened, never a 5xx, and the effect happens once (issue 18, problem 1).
 */
class ConcurrentSubmissionsTest extends SpringIntegrationTest {

  private static final int COPIES = 6;

  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void identicalConcurrentSubmissionsTakeEffectOnce() {
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");

    List<Http.Response> applied = Concurrently.send(COPIES, () -> http.post("/api/applications", null, application, Map.of()));
    Concurrently.assertOneSucceeded(applied, 201);
    String reference = Concurrently.succeeded(applied, 201).json().get("reference").asText();
    applied.stream().filter(r -> r.status() == 409).forEach(r -> {
      assertThat(r.json().get("title").asText()).isEqualTo("Already applied");
      assertThat(r.json().get("reference").asText()).isEqualTo(reference);
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partnership p JOIN district d ON d.id = p.district_id"
        + " WHERE d.nces_id = ?", Integer.class, nces)).as("one partnership").isEqualTo(1);
    assertThat(emails(contact, "APPLICATION_RECEIVED")).as("one email").isEqualTo(1);

    String token = district.tokenOf(contact, reference);
    Map<String, String> withToken = Map.of("X-Partnership-Token", token);
    district.complete(district.openTask(reference, "Task_ReviewApplication"),
        Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequest", "Which period will CSP be taught in?"));
    district.runJobs(reference);
    List<Http.Response> answered = Concurrently.send(COPIES, () -> http.post("/api/partnerships/" + reference
        + "/information", null, Map.of("answer", "Period 3"), withToken));
    Concurrently.assertOneSucceeded(answered, 202);
    assertThat(events(reference, "INFORMATION_RECEIVED")).as("one answer recorded").isEqualTo(1);
    district.openTask(reference, "Task_ReviewApplication");

    district.complete(district.openTask(reference, "Task_ReviewApplication"), Map.of("reviewDecision", "ACCEPT"));
    district.runJobs(reference);
    district.complete(district.openTask(reference, "Task_RecordSignedAgreement"),
        Map.of("signatoryName", "Dr. Lee", "agreementSignedOn", "2027-03-01"));
    district.runJobs(reference);
    Map<String, String> plan = Map.of("token", token, "vision", "CS for all", "implementation", "CSP in grade 11",
        "promotion", "Family night", "communitySupport", "Board support");
    List<Http.Response> planned = Concurrently.send(COPIES,
        () -> http.postForm("/district/partnerships/" + reference + "/plan", plan));
    Concurrently.assertOneSucceeded(planned, 302);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comprehensive_plan c JOIN partnership p ON p.id = c.partnership_id"
        + " WHERE p.reference = ?", Integer.class, reference)).as("one plan stored").isEqualTo(1);
    district.openTask(reference, "Task_ReviewPlan");

    district.complete(district.openTask(reference, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
    district.runJobs(reference);
    JsonNode teacher = http.get("/api/partnerships/" + reference, "manager:manager").json()
        .get("professionalDevelopment").get(0);
    long teacherId = teacher.get("teacherId").asLong();
    List<Http.Response> committed = Concurrently.send(COPIES, () -> http.post("/api/partnerships/" + reference
        + "/teachers/" + teacherId + "/commitment", null, Map.of("commits", true), withToken));
    Concurrently.assertOneSucceeded(committed, 202);
    district.runJobs(reference);
    String teacherEmail = jdbc.queryForObject("SELECT email FROM teacher WHERE id = ?", String.class, teacherId);
    assertThat(emails(teacherEmail, "TEACHER_PD_ENROLLED")).as("one enrolment email").isEqualTo(1);
  }

  @Test
  void districtFormsDisableTheirButtonThroughAScriptOfTheApplication() {
    Http http = new Http(baseUrl());
    Http.Response page = http.get("/district/apply", null);
    assertThat(page.body()).contains("<script src=\"/district/submit-once.js\" defer></script>");
    assertThat(http.headerOf(page, "Content-Security-Policy")).contains("default-src 'none'", "script-src 'self';")
        .doesNotContain("script-src 'unsafe-inline'");
    Http.Response script = http.get("/district/submit-once.js", null);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).contains("javascript");
    assertThat(script.body()).contains("addEventListener('submit'", ".disabled = true");
    assertThat(http.headerOf(http.get("/api/applications", null), "Content-Security-Policy"))
        .as("the API runs no script").doesNotContain("script-src");
  }

  private int emails(String recipient, String milestone) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE recipient = ? AND milestone = ?", Integer.class,
        recipient, milestone);
  }

  private int events(String reference, String event) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM partnership_event e JOIN partnership p ON p.id = e.partnership_id"
        + " WHERE p.reference = ? AND e.event = ?", Integer.class, reference, event);
  }
}
