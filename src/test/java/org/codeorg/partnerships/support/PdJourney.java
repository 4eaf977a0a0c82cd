package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * One partnership with a high-school (CSP) and a middle-school (CS_ALGEBRA) teacher and a
 * counselor, from plan approval through every PD phase over about 15 simulated months: the
 * district's guarantees over HTTP, workshops scheduled by a PD manager with reminders, invites,
 * attendance and closing, online phases reported, certificates, leadership PD; the emails as
 * the SMTP server receives them and the hours ledger through the staff API. Runs on H2 and PostgreSQL.
 */
public final class PdJourney {

  private final Http http;
  private final ProcessEngine engine;
  private final DistrictJourney district;
  private final String pdManager;

  public PdJourney(Http http, ProcessEngine engine, DistrictJourney district, String pdManagerCredentials) {
    this.http = http;
    this.engine = engine;
    this.district = district;
    this.pdManager = pdManagerCredentials;
  }

  /** The district's application with a middle school and its teacher added to {@link Http#application()}. */
  public static Map<String, Object> application() {
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String middle = "Test Middle " + nces;
    application.put("schools", List.of(((List<?>) application.get("schools")).get(0), Map.of("name", middle, "level", "MIDDLE")));
    application.put("courses", List.of(((List<?>) application.get("courses")).get(0),
        Map.of("course", "CS_ALGEBRA", "school", middle, "sections", 2)));
    application.put("teachers", List.of(((List<?>) application.get("teachers")).get(0),
        Map.of("name", "Mia Santos", "email", "msantos" + nces + "@k12.test", "school", middle, "course", "CS_ALGEBRA")));
    return application;
  }

  public void run() {
    Map<String, Object> application = application();
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    Map<?, ?> hsTeacher = (Map<?, ?>) ((List<?>) application.get("teachers")).get(0);
    Map<?, ?> msTeacher = (Map<?, ?>) ((List<?>) application.get("teachers")).get(1);
    String hsEmail = (String) hsTeacher.get("email");
    String msEmail = (String) msTeacher.get("email");
    String counselor = (String) ((Map<?, ?>) ((List<?>) application.get("leaders")).get(0)).get("email");
    Map<String, Long> teacherIds = new LinkedHashMap<>();
    detail(reference).get("professionalDevelopment").forEach(t -> teacherIds.put(t.get("course").asText(), t.get("teacherId").asLong()));
    long hs = teacherIds.get("CSP");
    long ms = teacherIds.get("CS_ALGEBRA");

    // 1. The district guarantees both teachers through its link (a body without the answer is refused).
    district.deliveredTo(approved.contact(), "Code.org partnership " + reference + ": please confirm " + hsTeacher.get("name")
        + " will teach Computer Science Principles (AP)");
    Map<String, String> token = Map.of("X-Partnership-Token", approved.token());
    Http.Response missing = http.post(commitment(reference, hs), null, Map.of(), token);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("commits");
    assertThat(http.post(commitment(reference, hs), null, Map.of("commits", true), Map.of()).status()).isEqualTo(404);
    for (long teacher : List.of(hs, ms)) {
      Http.Response committed = http.post(commitment(reference, teacher), null, Map.of("commits", true), token);
      assertThat(committed.status()).as(committed.body()).isEqualTo(202);
    }
    assertThat(http.post(commitment(reference, hs), null, Map.of("commits", true), token).status()).isEqualTo(409);
    district.runJobs(reference);
    assertThat(DistrictJourney.plainText(district.deliveredTo(hsEmail, "Your Code.org professional development for Computer Science Principles (AP)")))
        .contains("Online introduction", "Summer workshop", "100");
    district.deliveredTo(msEmail, "Your Code.org professional development for Computer Science in Algebra");
    district.deliveredTo(hsEmail, "Your access to Code.org's online professional development");

    // 2. High school phase 1 is online: the online environment reports it.
    Http.Response workshopPhase = http.post(completion(reference, hs, 2), pdManager, Map.of("hours", 35), Map.of());
    assertThat(workshopPhase.status()).as("phase 2 is a workshop").isEqualTo(409);
    Http.Response online = http.post(completion(reference, hs, 1), pdManager, Map.of("hours", 20), Map.of());
    assertThat(online.status()).as(online.body()).isEqualTo(202);
    district.runJobs(reference);
    district.deliveredTo(hsEmail, "Phase completed: Online introduction");

    // 3. Summer: a CSP workshop (phase 2, 5 × 7 h) and a CS in Algebra workshop (phase 1, 5 × 6 h).
    runWorkshop("CSP", 2, Instant.parse("2027-07-12T16:00:00Z"), 5, 7, List.of(hsEmail));
    runWorkshop("CS_ALGEBRA", 1, Instant.parse("2027-08-23T16:00:00Z"), 5, 6, List.of(msEmail));
    district.runJobs(reference);
    district.deliveredTo(hsEmail, "Phase completed: Summer workshop");
    district.deliveredTo(msEmail, "Phase completed: Summer workshop");

    // 4. Academic year: CSP phase 3 (5 × 6 h) and CS in Algebra phase 2 (3 × 5 h).
    runWorkshop("CSP", 3, Instant.parse("2027-11-06T16:00:00Z"), 5, 6, List.of(hsEmail));
    runWorkshop("CS_ALGEBRA", 2, Instant.parse("2027-12-11T16:00:00Z"), 3, 5, List.of(msEmail));
    district.runJobs(reference);

    // 5. The last phases are online; certificates state the hours.
    travelTo(Instant.parse("2028-05-15T12:00:00Z"));
    assertThat(http.post(completion(reference, hs, 4), pdManager, Map.of("hours", 15), Map.of()).status()).isEqualTo(202);
    assertThat(http.post(completion(reference, ms, 3), pdManager, Map.of("hours", 10), Map.of()).status()).isEqualTo(202);
    district.runJobs(reference);
    assertThat(DistrictJourney.plainText(district.deliveredTo(hsEmail, "Your Code.org professional development certificate: 100 hours")))
        .contains("annual professional development");
    district.deliveredTo(msEmail, "Your Code.org professional development certificate: 55 hours");

    // 6. Leadership PD: the counselor attended.
    district.deliveredTo(counselor, "Code.org Counselor/Administrator professional development");
    String leadership = district.openTask(reference, "Task_RecordLeadershipAttendance", pdManager).get("id").asText();
    List<String> everyLeader = new ArrayList<>();
    checklistOptions(leadership, "leaderOptions", pdManager).forEach(o -> everyLeader.add(o.get("value").asText()));
    submitChecklist(leadership, "presentLeaders", everyLeader, pdManager);
    district.runJobs(reference);
    district.deliveredTo(counselor, "Thank you: Code.org Counselor/Administrator professional development completed");

    // 7. The hours ledger and the lifecycle as staff see them.
    JsonNode detail = detail(reference);
    Map<String, JsonNode> byCourse = new LinkedHashMap<>();
    detail.get("professionalDevelopment").forEach(t -> byCourse.put(t.get("course").asText(), t));
    assertThat(byCourse.get("CSP").get("hoursEarned").asInt()).isEqualTo(100);
    assertThat(byCourse.get("CSP").get("status").asText()).isEqualTo("COMPLETED");
    assertThat(byCourse.get("CSP").get("certificateNumber").asText()).startsWith("PD-");
    assertThat(hours(byCourse.get("CSP"))).containsExactly(20, 35, 30, 15);
    assertThat(byCourse.get("CS_ALGEBRA").get("hoursEarned").asInt()).isEqualTo(55);
    assertThat(hours(byCourse.get("CS_ALGEBRA"))).containsExactly(30, 15, 10);
    assertThat(detail.get("leadershipPd").get(0).get("status").asText()).isEqualTo("ATTENDED");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("professional-development").finished().list())
        .extracting(i -> i.getEndActivityId()).containsExactly("EndEvent_PdCompleted", "EndEvent_PdCompleted");
  }

  /**
   * A PD manager schedules a workshop; teachers are enrolled with an invite, reminded 10 and 3
   * days before, the facilitator records each session, the organizer closes it, attendees get
   * the exit survey. Time moves to each moment.
   */
  public String runWorkshop(String course, int phase, Instant firstSession, int sessions, int hoursEach,
      List<String> teachers) {
    return runWorkshop(course, phase, firstSession, sessions, hoursEach, teachers.size(), teachers, List.of());
  }

  /**
   * @param capacity seats; enrolled teachers beyond it are waitlisted
   * @param attendees enrolled teachers' emails in roster order
   * @param absent roster numbers (1-based) absent from every session
   */
  public String runWorkshop(String course, int phase, Instant firstSession, int sessions, int hoursEach, int capacity,
      List<String> attendees, List<Integer> absent) {
    return runWorkshop(course, phase, firstSession, sessions, hoursEach, capacity, attendees, absent, 30);
  }

  /** @param scheduledDaysAhead how long before the first session the PD manager schedules it (at least 11) */
  public String runWorkshop(String course, int phase, Instant firstSession, int sessions, int hoursEach, int capacity,
      List<String> attendees, List<Integer> absent, int scheduledDaysAhead) {
    return runWorkshop("CA", course, phase, firstSession, sessions, hoursEach, capacity, attendees, absent,
        scheduledDaysAhead);
  }

  /** @param region the teachers' state (its time zone must be America/Los_Angeles, which the invites are checked for) */
  public String runWorkshop(String region, String course, int phase, Instant firstSession, int sessions, int hoursEach,
      int capacity, List<String> attendees, List<Integer> absent, int scheduledDaysAhead) {
    List<String> teachers = attendees;
    travelTo(firstSession.minus(Duration.ofDays(scheduledDaysAhead)));
    List<Map<String, String>> times = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      Instant start = firstSession.plus(Duration.ofDays(i));
      times.add(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(hoursEach)).toString()));
    }
    Http.Response scheduled = http.post("/api/workshops", pdManager, Map.of("course", course, "phase", phase,
        "region", region, "location", "Springfield Learning Center, Room 4", "capacity", capacity, "sessions", times), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", pdManager),
        Map.of("vendorConfirmation", "CATER-" + workshop), pdManager);
    district.runJobs(workshop);
    JsonNode view = http.get("/api/workshops/" + workshop, pdManager).json();
    assertThat(view.get("facilitator").asText()).isNotBlank();
    List<String> enrolledSeats = new ArrayList<>();
    view.get("seats").forEach(seat -> {
      if (seat.get("status").asText().equals("ENROLLED")) {
        enrolledSeats.add(seat.get("teacher").asText());
      }
    });
    assertThat(enrolledSeats).hasSize(teachers.size());
    String title = view.get("title").asText();
    for (String teacher : teachers) {
      MimeMessage enrolled = district.deliveredTo(teacher, "You are enrolled: " + title);
      String invite = calendarOf(enrolled);
      assertThat(Invites.starts(invite)).first().isEqualTo(firstSession);
      assertThat(invite).contains("DTSTART;TZID=America/Los_Angeles:", "BEGIN:VTIMEZONE", "ATTENDEE;", "RSVP=TRUE",
          "mailto:" + teacher);
    }

    travelTo(firstSession.minus(Duration.ofDays(10)));
    district.runJobs(workshop);
    travelTo(firstSession.minus(Duration.ofDays(3)));
    district.runJobs(workshop);
    for (String teacher : teachers) {
      district.deliveredTo(teacher, "Reminder: " + title + " starts in 10 days");
      district.deliveredTo(teacher, "Reminder: " + title + " starts in 3 days");
    }

    travelTo(firstSession.plus(Duration.ofDays(sessions)));
    district.runJobs(workshop);
    for (int i = 0; i < sessions; i++) {
      // Assigned to the facilitator; the PD manager records it for them.
      JsonNode session = district.openTask(workshop, "Task_RecordSessionAttendance", pdManager);
      district.takeOver(session, pdManager);
      List<String> present = new ArrayList<>();
      JsonNode options = checklistOptions(session.get("id").asText(), "attendanceOptions", pdManager);
      for (int position = 1; position <= options.size(); position++) {
        if (!absent.contains(position)) {
          present.add(options.get(position - 1).get("value").asText());
        }
      }
      submitChecklist(session.get("id").asText(), "presentTeachers", present, pdManager);
    }
    district.complete(district.openTask(workshop, "Task_CloseWorkshop", pdManager), Map.of("attendanceConfirmed", true),
        pdManager);
    district.runJobs(workshop);
    for (int i = 0; i < teachers.size(); i++) {
      if (!absent.contains(i + 1)) {
        district.deliveredTo(teachers.get(i), "How was " + title + "? A short survey");
      }
    }
    assertThat(http.get("/api/workshops/" + workshop, pdManager).json().get("status").asText()).isEqualTo("CLOSED");
    return workshop;
  }

  /**
   * Makes {@code facilitator} lead the workshop (PUT …/facilitator), unless they do already: the
   * process gives it to the qualified facilitator with the fewest open workshops, which in the shared
   * test context may be another test's.
   */
  public void ledBy(String workshop, String facilitator) {
    if (!http.get("/api/workshops/" + workshop, pdManager).json().get("facilitator").asText().equals(facilitator)) {
      Http.Response replaced = http.put("/api/workshops/" + workshop + "/facilitator", pdManager,
          Map.of("facilitator", facilitator));
      assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
      district.runJobs(workshop);
    }
  }

  /** The options of a task's checklist, as Tasklist reads them: the Json variable's text, parsed. */
  public JsonNode checklistOptions(String taskId, String valuesKey, String credentials) {
    Http.Response variable = http.get("/engine-rest/task/" + taskId + "/variables/" + valuesKey
        + "?deserializeValue=false", credentials);
    assertThat(variable.status()).as(variable.body()).isEqualTo(200);
    assertThat(variable.json().get("type").asText()).isEqualTo("Json");
    try {
      return Http.JSON.readTree(variable.json().get("value").asText());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Completes the task with a checklist's values as Tasklist submits them: a Json variable. */
  public Http.Response submitChecklistAnswer(String taskId, String key, List<String> values, String credentials) {
    try {
      return http.post("/engine-rest/task/" + taskId + "/submit-form", credentials, Map.of("variables",
          Map.of(key, Map.of("value", Http.JSON.writeValueAsString(values), "type", "Json"))), Map.of());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public void submitChecklist(String taskId, String key, List<String> values, String credentials) {
    Http.Response done = submitChecklistAnswer(taskId, key, values, credentials);
    assertThat(done.status()).as(done.body()).isIn(200, 204);
  }

  public JsonNode detail(String reference) {
    return http.get("/api/partnerships/" + reference, pdManager).json();
  }

  private static List<Integer> hours(JsonNode teacher) {
    List<Integer> hours = new ArrayList<>();
    teacher.get("phases").forEach(p -> hours.add(p.get("hoursEarned").asInt()));
    return hours;
  }

  private static String commitment(String reference, long teacherId) {
    return "/api/partnerships/" + reference + "/teachers/" + teacherId + "/commitment";
  }

  private static String completion(String reference, long teacherId, int phase) {
    return "/api/partnerships/" + reference + "/teachers/" + teacherId + "/pd-phases/" + phase + "/completion";
  }

  public static void travelTo(Instant instant) {
    DueJobs.travelTo(instant);
  }

  /** The text/calendar attachment. */
  public static String calendarOf(MimeMessage message) {
    try {
      MimeMultipart mixed = (MimeMultipart) message.getContent();
      for (int i = 0; i < mixed.getCount(); i++) {
        if (mixed.getBodyPart(i).isMimeType("text/calendar")) {
          Object content = mixed.getBodyPart(i).getContent();
          return content instanceof String text ? text : new String(((java.io.InputStream) content).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      throw new AssertionError("No calendar attachment in " + message.getSubject());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
