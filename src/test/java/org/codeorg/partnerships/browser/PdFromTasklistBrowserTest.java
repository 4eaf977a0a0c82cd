package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.Invites;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TasklistBrowser;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A workshop run from Tasklist in a real browser, as PD staff do it: {@code pdmanager} starts
 * "Schedule a workshop" from "Start process" with local times in {@code America/Los_Angeles} (two
 * sessions) and enters the vendor's confirmation; the process seats the partnership's two teachers
 * waiting for the phase; {@code pdmanager} drops the second session with "Change a workshop's dates"
 * (a CANCEL of its UID to the teachers and the facilitator); {@code facilitator} ticks the present teacher in the attendance checklist (the other is absent); the
 * organizer closes the workshop. The emails as the SMTP server received them show local times with
 * the zone's abbreviation, and every invite parses with ical4j's strict parser and starts at the
 * right instant. One browser per user; the job executor and the outbox sender are driven by hand.
 *
 * <p>The district is in Nevada (region NV) and the workshop has a title of its own, so that other
 * tests' waiting teachers and emails (the context is shared) stay out of it.
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class PdFromTasklistBrowserTest extends SpringIntegrationTest {

  private static final String PD_MANAGER = "pdmanager:pdmanager";
  /** Monday, July 19, 2027, 9:00 AM PDT (UTC-7). */
  private static final Instant SESSION_STARTS = Instant.parse("2027-07-19T16:00:00Z");
  /** The next day, same time: scheduled, then dropped with "Change a workshop's dates". */
  private static final Instant SECOND_SESSION_STARTS = Instant.parse("2027-07-20T16:00:00Z");

  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  private final List<WebDriver> browsers = new ArrayList<>();
  private Http http;
  private DistrictJourney district;

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
  }

  @Test
  void aPdManagerSchedulesAFacilitatorRecordsAttendanceAndTheOrganizerClosesInTasklist() throws Exception {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, "manager:manager");

    // Two CSP teachers of a Nevada partnership finish the online phase 1 and wait for a phase 2 workshop.
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String school = "Reno High " + nces;
    application.put("district", Map.of("name", "Washoe Browser District " + nces, "ncesId", nces, "state", "NV"));
    application.put("schools", List.of(Map.of("name", school, "level", "HIGH")));
    application.put("courses", List.of(Map.of("course", "CSP", "school", school, "sections", 2)));
    List<String> names = List.of("Ada Quinn " + nces, "Ben Ortiz " + nces);
    List<String> emails = List.of("aquinn" + nces + "@washoe.k12.test", "bortiz" + nces + "@washoe.k12.test");
    application.put("teachers", List.of(
        Map.of("name", names.get(0), "email", emails.get(0), "school", school, "course", "CSP"),
        Map.of("name", names.get(1), "email", emails.get(1), "school", school, "course", "CSP")));
    application.put("leaders", List.of());
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    for (JsonNode teacher : http.get("/api/partnerships/" + reference, PD_MANAGER).json().get("professionalDevelopment")) {
      String path = "/api/partnerships/" + reference + "/teachers/" + teacher.get("teacherId").asText();
      Http.Response committed = http.post(path + "/commitment", null, Map.of("commits", true),
          Map.of("X-Partnership-Token", approved.token()));
      assertThat(committed.status()).as(committed.body()).isEqualTo(202);
      district.runJobs(reference);
      Http.Response online = http.post(path + "/pd-phases/1/completion", PD_MANAGER, Map.of("hours", 20), Map.of());
      assertThat(online.status()).as(online.body()).isEqualTo(202);
    }
    district.runJobs(reference);
    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));

    // 1. pdmanager: Start process → "Schedule a workshop", local times in America/Los_Angeles.
    TasklistBrowser pdManager = open();
    pdManager.logIn("tasklist", "pdmanager");
    String title = "Washoe CSP summer workshop " + nces;
    String location = "Reno Learning Center " + nces + ", Room 2";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Phase", "2");
    fields.put("Title (optional)", title);
    fields.put("Region", "NV");
    fields.put("Time zone (IANA id)", "America/Los_Angeles");
    fields.put("Location", location);
    fields.put("Capacity (seats)", "10");
    pdManager.scheduleWorkshop("Computer Science Principles (CSP)", fields,
        List.of(new TasklistBrowser.Session(LocalDate.parse("2027-07-19"), "09:00", "15:00"),
            // A second session the next day, dropped later with "Change a workshop's dates".
            new TasklistBrowser.Session(LocalDate.parse("2027-07-20"), "09:00", "15:00")),
        "pd-tasklist-schedule-workshop");
    String workshop = TasklistBrowser.waiting(pdManager.browser(), Duration.ofSeconds(30)).until(driver -> jdbc.queryForList(
        "SELECT reference FROM workshop WHERE location = ?", String.class, location).stream().findFirst().orElse(null));
    JsonNode scheduled = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(scheduled.get("title").asText()).isEqualTo(title);
    assertThat(scheduled.get("organizer").asText()).isEqualTo("pdmanager");
    assertThat(scheduled.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(scheduled.get("sessions").get(0).get("startsAt").asText()).isEqualTo(SESSION_STARTS.toString());
    assertThat(scheduled.get("sessions").get(0).get("time").asText()).isEqualTo("9:00 AM–3:00 PM PDT");
    assertThat(scheduled.get("sessions").get(1).get("startsAt").asText()).isEqualTo(SECOND_SESSION_STARTS.toString());

    // 2. pdmanager enters the vendor's confirmation; the process seats the waiting teachers.
    settle(workshop);
    pdManager.openTask(workshop, "Task_RecordVendorConfirmation", "Materials and meals");
    pdManager.claim().type("Vendor's confirmation number", "CATER-" + workshop).complete("pd-tasklist-vendor-confirmation");
    settle(workshop);
    JsonNode open = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(open.get("seats").findValuesAsText("status")).containsExactly("ENROLLED", "ENROLLED");
    new PdJourney(http, processEngine, district, PD_MANAGER).ledBy(workshop, "facilitator");

    // 2b. pdmanager: Start process → "Change a workshop's dates": only the first session remains. The
    // teachers and the facilitator get the new dates and a CANCEL of session 2 (its own UID).
    pdManager.startProcess("Change a workshop's dates", "The list replaces every session");
    for (int pass = 0; pass < 2; pass++) {
      pdManager.type("Workshop", workshop).type("Session 1: date", "2027-07-19")
          .typeNth("starts (local time)", 1, "09:00").typeNth("ends (local time)", 1, "15:00");
    }
    pdManager.start("pd-tasklist-change-workshop-dates");
    TasklistBrowser.waiting(pdManager.browser(), Duration.ofSeconds(30)).until(driver ->
        http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("datesRevision").asInt() == 1);
    settle(workshop);
    assertThat(http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("sessions")).hasSize(1);

    // The reminders 10 and 3 days before (to the teachers and the facilitator, each with the invite).
    String facilitatorEmail = processEngine.getIdentityService().createUserQuery().userId("facilitator").singleResult()
        .getEmail();
    for (int days : List.of(10, 3)) {
      PdJourney.travelTo(SESSION_STARTS.minus(Duration.ofDays(days)));
      settle(workshop);
      for (String recipient : List.of(emails.get(0), emails.get(1), facilitatorEmail)) {
        assertThat(DistrictJourney.plainText(district.deliveredTo(recipient,
            "Reminder: " + title + " starts in " + days + " days"))).contains("9:00 AM–3:00 PM PDT");
      }
    }

    // 3. After the session, facilitator records attendance: the second teacher was absent.
    PdJourney.travelTo(SESSION_STARTS.plus(Duration.ofDays(1)));
    settle(workshop);
    TasklistBrowser facilitator = open();
    facilitator.logIn("tasklist", "facilitator");
    facilitator.openTask(workshop, "Task_RecordSessionAttendance", "Attendance: session 1");
    TasklistBrowser.waitFor(facilitator.browser(), names.get(1));
    // The first teacher ticked, the second left unticked, i.e. absent.
    facilitator.formEnabled().tick(names.get(0));
    assertThat(facilitator.ticked(names.get(1))).isFalse();
    facilitator.complete("pd-tasklist-session-attendance");
    JsonNode attended = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    Map<String, String> sessionsAttended = new LinkedHashMap<>();
    attended.get("seats").forEach(seat -> sessionsAttended.put(seat.get("teacher").asText(),
        seat.get("sessionsAttended").toString()));
    assertThat(sessionsAttended).containsEntry(names.get(0), "[1]").containsEntry(names.get(1), "[]");

    // 4. The organizer closes the workshop.
    pdManager.openTask(workshop, "Task_CloseWorkshop", "Close the workshop");
    pdManager.formEnabled().tick("Attendance of every session is recorded and correct").complete("pd-tasklist-close-workshop");
    settle(workshop);
    settle(reference);
    assertThat(http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("status").asText()).isEqualTo("CLOSED");
    district.deliveredTo(emails.get(0), "How was " + title + "? A short survey");
    assertThat(district.received(emails.get(1), "How was " + title + "? A short survey")).isZero();

    // 5. The emails: local time with the zone's abbreviation; every invite strictly valid, at the right instant.
    for (String email : emails) {
      MimeMessage enrolled = district.deliveredTo(email, "You are enrolled: " + title);
      assertThat(DistrictJourney.plainText(enrolled)).contains("9:00 AM–3:00 PM PDT").doesNotContain("UTC");
    }
    List<MimeMessage> invites = Arrays.stream(TestSmtpServer.server().getReceivedMessages())
        .filter(m -> subject(m).contains(title)).filter(PdFromTasklistBrowserTest::hasCalendar).toList();
    assertThat(invites.stream().map(PdFromTasklistBrowserTest::recipient))
        .as("enrolment, new dates, session 2 withdrawn and two reminders to each teacher; the same but the "
            + "enrolment to the facilitator")
        .containsExactlyInAnyOrder(emails.get(0), emails.get(0), emails.get(0), emails.get(0), emails.get(0),
            emails.get(1), emails.get(1), emails.get(1), emails.get(1), emails.get(1),
            facilitatorEmail, facilitatorEmail, facilitatorEmail, facilitatorEmail);
    for (MimeMessage invite : invites) {
      String ics = PdJourney.calendarOf(invite);
      if (subject(invite).startsWith("Sessions no longer taking place: ")) {
        assertThat(Invites.method(ics)).isEqualTo("CANCEL");
        assertThat(Invites.starts(ics)).containsExactly(SECOND_SESSION_STARTS);
        assertThat(ics).contains("UID:" + workshop + "-session-2@");
      } else if (subject(invite).startsWith("You are enrolled: ")) {
        assertThat(Invites.starts(ics)).containsExactly(SESSION_STARTS, SECOND_SESSION_STARTS);
      } else {
        assertThat(Invites.method(ics)).as(subject(invite)).isEqualTo("REQUEST");
        assertThat(Invites.starts(ics)).as(subject(invite)).containsExactly(SESSION_STARTS);
      }
      assertThat(DistrictJourney.plainText(invite)).as(subject(invite)).contains("9:00 AM–3:00 PM PDT");
    }
  }

  /** The job executor's and the outbox sender's work (both off in the shared context). */
  private void settle(String businessKey) {
    district.runJobs(businessKey);
    for (int i = 0; i < 20 && sender.deliverDue(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
        .attempted() > 0; i++) {
      // until nothing is due
    }
  }

  private TasklistBrowser open() throws IOException {
    WebDriver browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-pd"), "1400,1100"));
    browsers.add(browser);
    return new TasklistBrowser(browser, baseUrl(), processEngine);
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasCalendar(MimeMessage message) {
    try {
      if (!(message.getContent() instanceof MimeMultipart mixed)) {
        return false;
      }
      for (int i = 0; i < mixed.getCount(); i++) {
        if (mixed.getBodyPart(i).isMimeType("text/calendar")) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
