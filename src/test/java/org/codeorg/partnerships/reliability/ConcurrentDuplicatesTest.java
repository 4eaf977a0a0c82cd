package org.codeorg.partnerships.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Concurrently;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18, problem 1 on PostgreSQL: {@value #COPIES} identical requests at the same moment to every
 * state-changing endpoint and district form a partnership meets from application to
 * implementation, and to the staff API. None answers 5xx; every effect happens once (one
 * partnership, one answer, one plan, one guarantee, one set-up report, one workshop, one link).
 * Prints one line starting with {@code Concurrent duplicates:} with the answers per endpoint.
 */
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "partnership.mail.sender.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "partnership.intake.rate-limit.requests-per-minute=100000"
})
class ConcurrentDuplicatesTest {

  private static final int COPIES = 5;
  private static final String MANAGER = "dupmanager:dup-manager-password";
  private static final String PD_MANAGER = "duppdmanager:dup-pd-manager-password";

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentityService identityService;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  private final Map<String, String> report = new LinkedHashMap<>();
  private final List<String> serverErrors = new ArrayList<>();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestSmtpServer::port);
  }

  @Test
  void identicalConcurrentRequestsTakeEffectOnceOnPostgresql() {
    ensureUser("dupmanager", "dup-manager-password", "partnership-managers");
    ensureUser("duppdmanager", "dup-pd-manager-password", "pd-managers");
    Http http = new Http("http://localhost:" + port);
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, MANAGER);

    // The application, as JSON and as the page's form.
    Map<String, Object> application = PdJourney.application();
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");
    once("POST /api/applications", 201, () -> http.post("/api/applications", null, application, Map.of()));
    String reference = partnershipOf(application);
    assertThat(count("SELECT COUNT(*) FROM email_outbox WHERE recipient = ? AND milestone = 'APPLICATION_RECEIVED'",
        contact)).isEqualTo(1);
    Map<String, Object> other = Http.application();
    once("POST /district/apply", 200, () -> http.postForm("/district/apply", formOf(other)));
    partnershipOf(other);

    // A question answered over the API, another through the page.
    String token = district.tokenOf(contact, reference);
    Map<String, String> withToken = Map.of("X-Partnership-Token", token);
    String page = "/district/partnerships/" + reference;
    ask(district, reference, "Which period will CSP be taught in?");
    once("POST …/information", 202, () -> http.post("/api/partnerships/" + reference + "/information", null,
        Map.of("answer", "Period 3"), withToken));
    ask(district, reference, "And the algebra course?");
    once("form …/information", 302, () -> http.postForm(page + "/information", Map.of("token", token, "answer", "Period 5")));
    assertThat(count("SELECT COUNT(*) FROM partnership_event e JOIN partnership p ON p.id = e.partnership_id"
        + " WHERE p.reference = ? AND e.event = 'INFORMATION_RECEIVED'", reference)).as("two answers, once each").isEqualTo(2);

    // The plan over the API, its revision through the page.
    district.complete(district.openTask(reference, "Task_ReviewApplication"), Map.of("reviewDecision", "ACCEPT"));
    district.runJobs(reference);
    district.complete(district.openTask(reference, "Task_RecordSignedAgreement"),
        Map.of("signatoryName", "Dr. Lee", "agreementSignedOn", "2027-03-01"));
    district.runJobs(reference);
    Map<String, String> plan = Map.of("vision", "CS for all", "implementation", "CSP in grade 11",
        "promotion", "Family night", "communitySupport", "Board support");
    once("POST …/plan", 202, () -> http.post("/api/partnerships/" + reference + "/plan", null, plan, withToken));
    district.complete(district.openTask(reference, "Task_ReviewPlan"),
        Map.of("planDecision", "REVISE", "visionComment", "Name the grades."));
    district.runJobs(reference);
    Map<String, String> revised = new LinkedHashMap<>(plan);
    revised.put("token", token);
    once("form …/plan", 302, () -> http.postForm(page + "/plan", revised));
    assertThat(count("SELECT COUNT(*) FROM comprehensive_plan c JOIN partnership p ON p.id = c.partnership_id"
        + " WHERE p.reference = ?", reference)).as("two rounds, once each").isEqualTo(2);
    district.complete(district.openTask(reference, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
    district.runJobs(reference);

    // Implementation: one teacher's guarantee and one section's set-up each way.
    JsonNode detail = http.get("/api/partnerships/" + reference, MANAGER).json();
    long teacherApi = detail.get("professionalDevelopment").get(0).get("teacherId").asLong();
    long teacherForm = detail.get("professionalDevelopment").get(1).get("teacherId").asLong();
    long sectionApi = detail.get("sections").get(0).get("sectionId").asLong();
    long sectionForm = detail.get("sections").get(1).get("sectionId").asLong();
    once("POST …/commitment", 202, () -> http.post("/api/partnerships/" + reference + "/teachers/" + teacherApi
        + "/commitment", null, Map.of("commits", true), withToken));
    once("form …/commitment", 302, () -> http.postForm(page + "/teachers/" + teacherForm + "/commitment",
        Map.of("token", token, "teacher-" + teacherForm + "-commits", "true")));
    district.runJobs(reference);
    assertThat(count("SELECT COUNT(*) FROM email_outbox WHERE milestone = 'TEACHER_PD_ENROLLED' AND recipient IN"
        + " (SELECT email FROM teacher WHERE id IN (?, ?))", teacherApi, teacherForm)).as("one enrolment each").isEqualTo(2);
    once("POST …/readiness", 202, () -> http.post("/api/partnerships/" + reference + "/sections/" + sectionApi
        + "/readiness", null, Map.of("timeSlot", "Period 1", "room", "B-2", "courseCode", "CSP-1", "oneToOneComputing", true,
            "bandwidthMbps", 30, "materialsReady", true, "materialsCostPerClass", 45.5), withToken));
    String p = "section-" + sectionForm + "-";
    once("form …/readiness", 302, () -> http.postForm(page + "/sections/" + sectionForm + "/readiness", Map.of(
        "token", token, p + "timeSlot", "Period 2", p + "room", "B-3", p + "courseCode", "CSA-1",
        p + "oneToOneComputing", "true", p + "bandwidthMbps", "30", p + "materialsReady", "true",
        p + "materialsCostPerClass", "45.50")));
    assertThat(count("SELECT COUNT(*) FROM partnership_event e JOIN partnership p ON p.id = e.partnership_id"
        + " WHERE p.reference = ? AND e.event = 'SETUP_REPORTED'", reference)).as("one report each").isEqualTo(2);

    // Staff: a workshop scheduled by a client that retries with its Idempotency-Key, its dates, a district's link.
    Instant first = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(16));
    Map<String, Object> workshop = Map.of("course", "CSP", "phase", 2, "region", "CA",
        "location", "Springfield Learning Center", "capacity", 20, "sessions",
        List.of(Map.of("startsAt", first.toString(), "endsAt", first.plus(Duration.ofHours(6)).toString())));
    long workshopsBefore = count("SELECT COUNT(*) FROM workshop");
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    List<Http.Response> scheduled = send("POST /api/workshops", () -> http.post("/api/workshops", PD_MANAGER, workshop, key));
    assertThat(scheduled).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
    assertThat(count("SELECT COUNT(*) FROM workshop")).as("one workshop").isEqualTo(workshopsBefore + 1);
    String workshopReference = scheduled.get(0).json().get("reference").asText();
    district.runJobs(workshopReference);
    Instant later = first.plus(Duration.ofDays(1));
    List<Http.Response> moved = send("PUT …/sessions", () -> http.put("/api/workshops/" + workshopReference + "/sessions",
        PD_MANAGER, Map.of("sessions", List.of(Map.of("startsAt", later.toString(),
            "endsAt", later.plus(Duration.ofHours(6)).toString())))));
    assertThat(moved).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
    assertThat(count("SELECT dates_revision FROM workshop WHERE reference = ?", workshopReference))
        .as("moved at most once").isLessThanOrEqualTo(1);

    int generation = (int) count("SELECT token_generation FROM partnership WHERE reference = ?", reference);
    List<Http.Response> reissued = send("POST …/access-token",
        () -> http.post("/api/partnerships/" + reference + "/access-token", MANAGER, Map.of(), Map.of()));
    long succeeded = reissued.stream().filter(r -> r.status() == 202).count();
    assertThat(reissued).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(202, 409));
    assertThat(count("SELECT token_generation FROM partnership WHERE reference = ?", reference))
        .as("one new link per 202, none per 409").isEqualTo(generation + succeeded);

    System.out.println("Concurrent duplicates: " + COPIES + " copies each, 5xx " + serverErrors.size() + "; " + report);
    assertThat(serverErrors).isEmpty();
  }

  /** The copies: exactly one {@code success}, the others 409. */
  private void once(String endpoint, int success, Supplier<Http.Response> request) {
    Concurrently.assertOneSucceeded(send(endpoint, request), success);
  }

  private List<Http.Response> send(String endpoint, Supplier<Http.Response> request) {
    List<Http.Response> answers = Concurrently.send(COPIES, request);
    report.put(endpoint, Concurrently.statuses(answers));
    answers.stream().filter(r -> r.status() >= 500).forEach(r -> serverErrors.add(endpoint + " " + r.body()));
    return answers;
  }

  private void ask(DistrictJourney district, String reference, String question) {
    district.complete(district.openTask(reference, "Task_ReviewApplication"),
        Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequest", question));
    district.runJobs(reference);
  }

  private String partnershipOf(Map<String, Object> application) {
    List<String> references = jdbc.queryForList("SELECT p.reference FROM partnership p JOIN district d ON"
        + " d.id = p.district_id WHERE d.nces_id = ?", String.class, ((Map<?, ?>) application.get("district")).get("ncesId"));
    assertThat(references).as("one partnership").hasSize(1);
    return references.get(0);
  }

  private long count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Long.class, arguments);
  }

  /** The application page's fields for an application of {@link Http#application()}'s shape (first rows only). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> formOf(Map<String, Object> application) {
    Map<String, String> form = new LinkedHashMap<>();
    flatten("", application, form);
    form.put("technology.oneToOneComputing", "true");
    return form;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object value, Map<String, String> form) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((name, inner) -> flatten(prefix + (prefix.isEmpty() ? "" : ".") + name, inner, form));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), form);
      }
    } else {
      form.put(prefix, String.valueOf(value));
    }
  }

  private void ensureUser(String id, String password, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      user.setEmail(id + "@partnerships.test");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }
}
