package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * The whole lifecycle over HTTP for a district with a high school (ECS and CSP), a middle school
 * (CS in Algebra) and an elementary school (CSF): from {@code POST /api/applications} through
 * review, terms, plan, PD for every teacher and the counselor, classroom set-up of every section
 * (a cost approval and a fix on the way), the deliverables, the evaluation after the school year,
 * to a partnership closed and marked for renewal, over about 20 simulated months. Every milestone
 * email is checked as received; the ledger, readiness and report through the staff API.
 */
public final class LifecycleJourney {

  /** Credentials of the staff who act in the journey. */
  public record Staff(String manager, String pdManager, String evaluator) {
  }

  private final Http http;
  private final ProcessEngine engine;
  private final DistrictJourney district;
  private final PdJourney pd;
  private final Staff staff;

  public LifecycleJourney(Http http, ProcessEngine engine, DistrictJourney district, Staff staff) {
    this.http = http;
    this.engine = engine;
    this.district = district;
    this.staff = staff;
    this.pd = new PdJourney(http, engine, district, staff.pdManager());
  }

  public static Map<String, Object> application() {
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String high = "Lincoln High " + nces;
    String middle = "Lincoln Middle " + nces;
    String elementary = "Lincoln Elementary " + nces;
    application.put("schools", List.of(Map.of("name", high, "level", "HIGH"), Map.of("name", middle, "level", "MIDDLE"),
        Map.of("name", elementary, "level", "ELEMENTARY")));
    application.put("courses", List.of(Map.of("course", "ECS", "school", high, "sections", 1),
        Map.of("course", "CSP", "school", high, "sections", 1), Map.of("course", "CS_ALGEBRA", "school", middle, "sections", 1),
        Map.of("course", "CSF", "school", elementary, "sections", 1)));
    application.put("teachers", List.of(teacher("Eli Ward", "ECS", high, nces), teacher("Cam Price", "CSP", high, nces),
        teacher("Ada Moss", "CS_ALGEBRA", middle, nces), teacher("Fay Lund", "CSF", elementary, nces)));
    application.put("leaders", List.of(Map.of("name", "Sam Cole", "email", "scole" + nces + "@k12.test", "school", high,
        "role", "COUNSELOR"), Map.of("name", "Pat Reyes", "email", "preyes" + nces + "@k12.test", "school", high,
        "role", "PRINCIPAL")));
    return application;
  }

  private static Map<String, Object> teacher(String name, String course, String school, String nces) {
    return Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + nces + "@k12.test", "school", school,
        "course", course);
  }

  /** A partnership closed with "renew": its reference, the district's token and contact, the teachers' emails by course. */
  public record Closed(String reference, String token, String contact, Map<String, String> teacherEmails) {
  }

  public Closed run() {
    Map<String, Object> application = application();
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    String contact = approved.contact();
    Map<String, String> token = Map.of("X-Partnership-Token", approved.token());
    Map<String, String> emails = new LinkedHashMap<>();
    ((List<?>) application.get("teachers")).forEach(t -> emails.put((String) ((Map<?, ?>) t).get("course"),
        (String) ((Map<?, ?>) t).get("email")));

    // 1. Code.org's marketing kit; a set-up checklist per section.
    district.deliveredTo(contact, "Code.org partnership " + reference + ": your marketing kit");
    Map<String, Long> sections = new LinkedHashMap<>();
    pd.detail(reference).get("sections").forEach(s -> sections.put(s.get("course").asText(), s.get("sectionId").asLong()));
    assertThat(sections).hasSize(4);
    for (JsonNode section : pd.detail(reference).get("sections")) {
      district.deliveredTo(contact, "Code.org partnership " + reference + ": set up " + section.get("section").asText());
    }

    // 2. The district reports each section's set-up: ECS materials over $100 need a manager; CSP lacks a room first.
    Http.Response incomplete = http.post(readiness(reference, sections.get("ECS")), null, Map.of("timeSlot", "P1"), token);
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("oneToOneComputing", "bandwidthMbps", "materialsCostPerClass");
    report(reference, sections.get("ECS"), "B-101", 120.00, token);
    report(reference, sections.get("CSP"), null, 60.00, token);
    district.deliveredTo(contact, "Code.org partnership " + reference + ": " + label(reference, "CSP") + " is not ready yet");
    report(reference, sections.get("CSP"), "B-102", 60.00, token);
    report(reference, sections.get("CS_ALGEBRA"), "M-12", 40.00, token);
    report(reference, sections.get("CSF"), "E-3", 150.00, token);
    district.complete(district.openTask(reference, "Task_ApproveMaterialsCost", staff.manager()),
        Map.of("costDecision", "APPROVE"), staff.manager());
    district.runJobs(reference);
    pd.detail(reference).get("sections").forEach(s -> assertThat(s.get("readiness").asText()).as(s.toString()).isEqualTo("READY"));

    // 3. Professional development: the regional affiliate path, every teacher guaranteed.
    district.complete(district.openTask(reference, "Task_ChooseElementaryPdPath", staff.pdManager()),
        Map.of("elementaryPdPath", "REGIONAL_AFFILIATE"), staff.pdManager());
    district.runJobs(reference);
    Map<String, Long> teachers = new LinkedHashMap<>();
    pd.detail(reference).get("professionalDevelopment").forEach(t -> teachers.put(t.get("course").asText(), t.get("teacherId").asLong()));
    for (long teacher : teachers.values()) {
      assertThat(http.post("/api/partnerships/" + reference + "/teachers/" + teacher + "/commitment", null,
          Map.of("commits", true), token).status()).isEqualTo(202);
    }
    district.runJobs(reference);
    for (String course : List.of("ECS", "CSP")) {
      online(reference, teachers.get(course), 1, 20);
    }
    district.runJobs(reference);

    // Summer workshops, then the academic year (Hour of Code materials go out in November).
    pd.runWorkshop("ECS", 2, Instant.parse("2027-07-05T16:00:00Z"), 5, 7, 20, List.of(emails.get("ECS")), List.of(), 12);
    pd.runWorkshop("CSP", 2, Instant.parse("2027-07-22T16:00:00Z"), 5, 7, 20, List.of(emails.get("CSP")), List.of(), 12);
    pd.runWorkshop("CS_ALGEBRA", 1, Instant.parse("2027-08-09T16:00:00Z"), 5, 6, 20, List.of(emails.get("CS_ALGEBRA")),
        List.of(), 12);
    pd.runWorkshop("CSF", 1, Instant.parse("2027-08-27T16:00:00Z"), 1, 7, 20, List.of(emails.get("CSF")), List.of(), 12);
    district.runJobs(reference);
    district.deliveredTo(emails.get("CSF"), "Your Code.org professional development certificate: 7 hours");
    pd.runWorkshop("ECS", 3, Instant.parse("2027-11-08T16:00:00Z"), 5, 6, 20, List.of(emails.get("ECS")), List.of(), 12);
    pd.runWorkshop("CSP", 3, Instant.parse("2027-11-29T16:00:00Z"), 5, 6, 20, List.of(emails.get("CSP")), List.of(), 12);
    district.runJobs(reference);
    district.deliveredTo(contact, "Hour of Code materials for Computer Science Education Week (" + reference + ")");
    pd.runWorkshop("CS_ALGEBRA", 2, Instant.parse("2027-12-20T16:00:00Z"), 3, 5, 20, List.of(emails.get("CS_ALGEBRA")),
        List.of(), 12);
    district.runJobs(reference);

    PdJourney.travelTo(Instant.parse("2028-05-15T12:00:00Z"));
    online(reference, teachers.get("ECS"), 4, 15);
    online(reference, teachers.get("CSP"), 4, 15);
    online(reference, teachers.get("CS_ALGEBRA"), 3, 10);
    // The second leader on the checklist did not attend.
    String leadership = district.openTask(reference, "Task_RecordLeadershipAttendance", staff.pdManager()).get("id").asText();
    JsonNode leaders = pd.checklistOptions(leadership, "leaderOptions", staff.pdManager());
    List<String> attended = new java.util.ArrayList<>();
    for (int i = 0; i < leaders.size(); i++) {
      if (i != 1) {
        attended.add(leaders.get(i).get("value").asText());
      }
    }
    pd.submitChecklist(leadership, "presentLeaders", attended, staff.pdManager());
    district.runJobs(reference);
    for (String course : List.of("ECS", "CSP")) {
      district.deliveredTo(emails.get(course), "Your Code.org professional development certificate: 100 hours");
    }
    district.deliveredTo(emails.get("CS_ALGEBRA"), "Your Code.org professional development certificate: 55 hours");
    assertThat(DistrictJourney.plainText(district.deliveredTo(contact, "Code.org partnership " + reference
        + ": nominate your teacher leaders"))).contains("Eli Ward", "Cam Price", "Ada Moss", "Fay Lund");

    // 4. After the school year: the district's data, the evaluators' report.
    PdJourney.travelTo(Instant.parse("2028-07-01T12:00:00Z"));
    district.runJobs(reference);
    assertThat(pd.detail(reference).get("stage").asText()).isEqualTo("EVALUATION");
    district.deliveredTo(contact, "Code.org partnership " + reference + ": your data for the program evaluation");
    Http.Response impossible = http.post("/api/partnerships/" + reference + "/evaluation-data", null, Map.of("courses",
        List.of(Map.of("course", "CSP", "sectionsTaught", 1, "studentsEnrolled", 20, "studentsCompleted", 25))), token);
    assertThat(impossible.status()).isEqualTo(400);
    assertThat(impossible.body()).contains("courses[0].studentsCompleted");
    Http.Response data = http.post("/api/partnerships/" + reference + "/evaluation-data", null, Map.of("courses", List.of(
        result("ECS", 1, 28, 25), result("CSP", 1, 30, 27), result("CS_ALGEBRA", 1, 32, 30), result("CSF", 1, 25, 25))), token);
    assertThat(data.status()).as(data.body()).isEqualTo(202);
    district.runJobs(reference);
    JsonNode assessment = district.openTask(reference, "Task_AssessProgram", staff.evaluator());
    JsonNode formVariables = http.get("/engine-rest/task/" + assessment.get("id").asText() + "/form-variables",
        staff.evaluator()).json();
    assertThat(formVariables.path("evaluationSummary").path("value").asText())
        .contains("4 of 4 completed", "Cam Price (CSP): 100 hours", "CS_ALGEBRA: 1 sections, 32 enrolled, 30 completed");
    district.complete(assessment, Map.of("pdAssessment", "Every teacher completed PD.", "studentOutcomes",
        "92% of students completed their course.", "conclusions", "A strong first year; renew for 2028-2029.",
        "evaluationRecommendation", "RENEW"), staff.evaluator());
    district.runJobs(reference);
    assertThat(DistrictJourney.plainText(district.deliveredTo(contact, "Code.org partnership " + reference
        + ": program evaluation report"))).contains("A strong first year", "Cam Price");

    // 5. A partnership manager closes the partnership and renews it (RenewalJourney follows the next school year).
    district.complete(district.openTask(reference, "Task_DecideCloseOrRenew", staff.manager()),
        Map.of("closeDecision", "RENEW"), staff.manager());
    district.runJobs(reference);
    district.deliveredTo(contact, "Code.org partnership " + reference + " is complete");
    JsonNode detail = pd.detail(reference);
    assertThat(detail.get("stage").asText()).isEqualTo("CLOSED");
    assertThat(detail.get("renewalRequested").asBoolean()).isTrue();
    assertThat(detail.get("evaluation").get("teachersCompleted").asInt()).isEqualTo(4);
    assertThat(detail.get("evaluation").get("totalPdHours").asInt()).isEqualTo(100 + 100 + 55 + 7);
    assertThat(detail.get("evaluation").get("recommendation").asText()).isEqualTo("RENEW");
    assertThat(detail.get("leadershipPd").toString()).contains("ATTENDED", "ABSENT");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .as("every instance of the partnership has ended").isZero();

    Set<String> milestones = new TreeSet<>();
    for (JsonNode email : http.get("/api/partnerships/" + reference + "/emails", staff.manager()).json()) {
      district.received(email.get("recipient").asText(), email.get("subject").asText());
      milestones.add(email.get("milestone").asText());
    }
    assertThat(http.get("/api/partnerships/" + reference + "/emails", staff.manager()).json())
        .allSatisfy(email -> assertThat(email.get("status").asText()).isEqualTo("SENT"));
    assertThat(milestones).contains("APPLICATION_RECEIVED", "APPLICATION_ACCEPTED", "PLAN_REQUESTED",
        "PLAN_REVISION_REQUESTED", "PLAN_APPROVED", "MARKETING_KIT", "CLASSROOM_SETUP_CHECKLIST", "CLASSROOM_NOT_READY",
        "PD_COMMITMENT_REQUESTED", "TEACHER_PD_ENROLLED", "PD_ONLINE_ACCESS", "PD_WORKSHOP_ENROLLED",
        "PD_WORKSHOP_REMINDER", "PD_EXIT_SURVEY", "PD_PHASE_COMPLETED", "PD_CERTIFICATE", "LEADERSHIP_PD_ENROLLED",
        "LEADERSHIP_PD_COMPLETED", "HOUR_OF_CODE", "TEACHER_LEADER_NOMINATIONS", "EVALUATION_DATA_REQUEST",
        "EVALUATION_REPORT", "PARTNERSHIP_CLOSED");
    return new Closed(reference, approved.token(), contact, emails);
  }

  private void report(String reference, long sectionId, String room, double cost, Map<String, String> token) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("timeSlot", "Period 2");
    facts.put("room", room);
    facts.put("courseCode", "CS-" + sectionId);
    facts.put("oneToOneComputing", true);
    facts.put("bandwidthMbps", 50);
    facts.put("materialsReady", true);
    facts.put("materialsCostPerClass", cost);
    Http.Response reported = http.post(readiness(reference, sectionId), null, facts, token);
    assertThat(reported.status()).as(reported.body()).isEqualTo(202);
    district.runJobs(reference);
  }

  private String label(String reference, String course) {
    List<String> labels = new ArrayList<>();
    pd.detail(reference).get("sections").forEach(s -> {
      if (s.get("course").asText().equals(course)) {
        labels.add(s.get("section").asText());
      }
    });
    return labels.get(0);
  }

  private void online(String reference, long teacherId, int phase, int hours) {
    Http.Response reported = http.post("/api/partnerships/" + reference + "/teachers/" + teacherId + "/pd-phases/" + phase
        + "/completion", staff.pdManager(), Map.of("hours", hours), Map.of());
    assertThat(reported.status()).as(reported.body()).isEqualTo(202);
    district.runJobs(reference);
  }

  private static Map<String, Object> result(String course, int sections, int enrolled, int completed) {
    return Map.of("course", course, "sectionsTaught", sections, "studentsEnrolled", enrolled, "studentsCompleted", completed);
  }

  private static String readiness(String reference, long sectionId) {
    return "/api/partnerships/" + reference + "/sections/" + sectionId + "/readiness";
  }
}
