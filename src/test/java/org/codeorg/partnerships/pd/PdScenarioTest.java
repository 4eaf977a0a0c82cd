package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PD scenarios with the real delegates, emails and API: elementary teachers on both affiliate
 * paths, a full workshop with a waitlist, an absent teacher (no exit survey, a make-up in the
 * next workshop), PD managers' rights on the workshop endpoints.
 */
class PdScenarioTest extends SpringIntegrationTest {

  private static final String PD_MANAGER = "pdmanager:pdmanager";

  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;

  private Http http;
  private DistrictJourney district;
  private PdJourney pd;

  @BeforeEach
  void journeys() {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    pd = new PdJourney(http, processEngine, district, PD_MANAGER);
  }

  @Test
  void anElementaryTeacherIsPreparedByTheDistrictsOwnTrainedAffiliate() {
    Map<String, Object> application = application("ELEMENTARY", "CSF", 1);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();

    district.complete(district.openTask(reference, "Task_ChooseElementaryPdPath", PD_MANAGER),
        Map.of("elementaryPdPath", "DISTRICT_AFFILIATE", "affiliateTrainerName", "Kim Lee",
            "affiliateTrainerEmail", "klee@" + reference.toLowerCase() + ".test"), PD_MANAGER);
    district.runJobs(reference);
    district.deliveredTo("klee@" + reference.toLowerCase() + ".test", "Code.org affiliate trainer training for "
        + ((Map<?, ?>) application.get("district")).get("name"));
    assertThat(pd.detail(reference).get("professionalDevelopment").get(0).get("status").asText())
        .as("elementary PD waits for the trainer").isEqualTo("NOT_STARTED");

    district.complete(district.openTask(reference, "Task_RecordTrainerTraining", PD_MANAGER),
        Map.of("trainerTrainedOn", "2027-05-20"), PD_MANAGER);
    district.runJobs(reference);
    List<String> teachers = commitAll(approved, application);

    JsonNode ledger = pd.detail(reference).get("professionalDevelopment").get(0).get("phases");
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).get("name").asText()).isEqualTo("K-5 workshop with the district's affiliate trainer");
    assertThat(ledger.get(0).get("delivery").asText()).isEqualTo("AFFILIATE");

    pd.runWorkshop("CSF", 1, Instant.parse("2027-07-12T16:00:00Z"), 1, 7, teachers);
    district.runJobs(reference);
    district.deliveredTo(teachers.get(0), "Your Code.org professional development certificate: 7 hours");
    assertThat(pd.detail(reference).toString()).contains("AFFILIATE_TRAINER_TRAINED", "PD_CERTIFICATE_ISSUED");
  }

  @Test
  void anElementaryTeacherIsPreparedByARegionalAffiliate() {
    Map<String, Object> application = application("ELEMENTARY", "CSF", 1);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    district.complete(district.openTask(reference, "Task_ChooseElementaryPdPath", PD_MANAGER),
        Map.of("elementaryPdPath", "REGIONAL_AFFILIATE"), PD_MANAGER);
    district.runJobs(reference);
    List<String> teachers = commitAll(approved, application);
    assertThat(pd.detail(reference).get("professionalDevelopment").get(0).get("phases").get(0).get("name").asText())
        .isEqualTo("K-5 workshop with a regional affiliate");

    pd.runWorkshop("CSF", 1, Instant.parse("2027-07-12T16:00:00Z"), 1, 7, teachers);
    district.runJobs(reference);
    district.deliveredTo(teachers.get(0), "Your Code.org professional development certificate: 7 hours");
  }

  @Test
  void aFullWorkshopWaitlistsTeachersAndOnlyAttendeesGetTheExitSurvey() {
    Map<String, Object> application = application("HIGH", "ECS", 3);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    List<String> teachers = commitAll(approved, application);
    List<Long> ids = new ArrayList<>();
    pd.detail(reference).get("professionalDevelopment").forEach(t -> ids.add(t.get("teacherId").asLong()));
    for (long id : ids) {
      assertThat(http.post("/api/partnerships/" + reference + "/teachers/" + id + "/pd-phases/1/completion", PD_MANAGER,
          Map.of("hours", 20), Map.of()).status()).isEqualTo(202);
    }
    district.runJobs(reference);

    // Two seats for three teachers: the third is waitlisted; the second misses every session.
    String first = pd.runWorkshop("ECS", 2, Instant.parse("2027-07-12T16:00:00Z"), 2, 7, 2, teachers.subList(0, 2),
        List.of(2));
    JsonNode firstView = http.get("/api/workshops/" + first, PD_MANAGER).json();
    String title = firstView.get("title").asText();
    assertThat(title).isEqualTo("Exploring Computer Science, phase 2: Summer workshop, July 12, 2027");
    JsonNode seats = firstView.get("seats");
    assertThat(seats.get(2).get("status").asText()).isEqualTo("WAITLISTED");
    assertThat(seats.get(1).get("sessionsAttended")).isEmpty();
    district.deliveredTo(teachers.get(2), "Waitlisted: " + title);
    assertThat(district.received(teachers.get(1), "How was " + title + "? A short survey")).isZero();
    assertThat(district.received(teachers.get(2), "How was " + title + "? A short survey")).isZero();

    // The absent teacher's phase is missed: a PD manager arranges a make-up.
    district.runJobs(reference);
    JsonNode decision = http.get("/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=Task_DecideMissedPhase", PD_MANAGER).json();
    assertThat(decision).hasSize(1);
    district.complete(decision.get(0), Map.of("missedPhaseDecision", "MAKE_UP"), PD_MANAGER);
    district.runJobs(reference);
    district.deliveredTo(teachers.get(1), "Make-up arranged: Summer workshop");

    // The next workshop takes the make-up and the waitlisted teacher.
    pd.runWorkshop("ECS", 2, Instant.parse("2027-08-16T16:00:00Z"), 2, 7, 5, List.of(teachers.get(1), teachers.get(2)),
        List.of());
    district.runJobs(reference);
    district.deliveredTo(teachers.get(1), "Phase completed: Summer workshop");
    district.deliveredTo(teachers.get(2), "Phase completed: Summer workshop");
    Map<String, Integer> earned = new LinkedHashMap<>();
    pd.detail(reference).get("professionalDevelopment").forEach(t -> earned.put(t.get("name").asText(),
        t.get("phases").get(1).get("hoursEarned").asInt()));
    assertThat(earned.values()).containsOnly(14);
    assertThat(pd.detail(reference).get("professionalDevelopment").get(1).get("phases").get(1).get("makeUps").asInt())
        .isEqualTo(1);
  }

  /**
   * A cancelled workshop: the enrolled and the waitlisted teacher and the facilitator get the reason
   * with a METHOD:CANCEL update (strictly parsed, same UIDs, higher SEQUENCE), the vendor's order is
   * cancelled by email, the enrolled teacher waits for a seat again and the next workshop takes both.
   */
  @Test
  void aCancelledWorkshopWithdrawsTheInvitesCancelsTheOrderAndItsTeachersWaitAgain() throws Exception {
    Map<String, Object> application = application("ELEMENTARY", "CSF", 2);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    district.complete(district.openTask(reference, "Task_ChooseElementaryPdPath", PD_MANAGER),
        Map.of("elementaryPdPath", "REGIONAL_AFFILIATE"), PD_MANAGER);
    district.runJobs(reference);
    List<String> teachers = commitAll(approved, application);

    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    String workshop = scheduleCsfWorkshop("2027-07-12T09:00:00-07:00", "2027-07-12T16:00:00-07:00", 1);
    JsonNode view = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(view.get("seats").findValuesAsText("status")).containsExactly("ENROLLED", "WAITLISTED");
    String title = view.get("title").asText();

    Http.Response noReason = http.post("/api/workshops/" + workshop + "/cancellation", PD_MANAGER,
        Map.of("reason", " "), Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"reason\"");
    assertThat(http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("status").asText()).isEqualTo("OPEN");

    Http.Response cancelled = http.post("/api/workshops/" + workshop + "/cancellation", PD_MANAGER,
        Map.of("reason", "The venue is closed for repairs"), Map.of());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(http.post("/api/workshops/" + workshop + "/cancellation", PD_MANAGER,
        Map.of("reason", "again"), Map.of()).status()).isEqualTo(409);
    district.runJobs(workshop);

    String facilitator = view.get("facilitator").asText() + "@partnerships.example.org";
    for (String recipient : List.of(teachers.get(0), teachers.get(1), facilitator)) {
      jakarta.mail.internet.MimeMessage message = district.deliveredTo(recipient, "Cancelled: " + title);
      assertThat(DistrictJourney.plainText(message)).contains("The venue is closed for repairs",
          "Monday, July 12, 2027, 9:00 AM–4:00 PM PDT");
      String ics = PdJourney.calendarOf(message);
      assertThat(org.codeorg.partnerships.support.Invites.method(ics)).isEqualTo("CANCEL");
      assertThat(org.codeorg.partnerships.support.Invites.starts(ics)).containsExactly(Instant.parse("2027-07-12T16:00:00Z"));
      assertThat(ics).contains("UID:" + workshop + "-session-1@", "SEQUENCE:1", "STATUS:CANCELLED", "mailto:" + recipient);
      assertThat(calendarPartType(message)).contains("text/calendar", "method=CANCEL", "charset=UTF-8");
    }
    district.deliveredTo("workshop-orders@vendor.example", "Cancelled: order for workshop " + workshop);
    pd.detail(reference).get("professionalDevelopment").forEach(t ->
        assertThat(t.get("phases").get(0).get("status").asText()).as(t.get("name").asText()).isEqualTo("OPEN"));

    // Exactly two seats: an open CSF workshop with a free seat would take other tests' teachers.
    String next = scheduleCsfWorkshop("2027-07-19T09:00:00-07:00", "2027-07-19T16:00:00-07:00", 2);
    assertThat(http.get("/api/workshops/" + next, PD_MANAGER).json().get("seats").findValuesAsText("status"))
        .containsExactly("ENROLLED", "ENROLLED");
  }

  /**
   * A replaced facilitator: the new one (a member of the facilitators group) gets the invite, the
   * former one a CANCEL update, both at the raised SEQUENCE; a user outside the group is refused by field.
   */
  @Test
  void aReplacedFacilitatorGetsACancelTheNewOneTheInvite() {
    secondFacilitator();
    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    // Its own title: other tests' workshops email the same facilitator.
    Http.Response scheduled = http.post("/api/workshops", PD_MANAGER, Map.of("course", "CSF", "phase", 1,
        "title", "Portland K-5 workshop (facilitator change)", "region", "OR", "location", "Portland Learning Center",
        "capacity", 10, "sessions",
        List.of(Map.of("startsAt", "2027-07-14T09:00:00-07:00", "endsAt", "2027-07-14T15:00:00-07:00"))), Map.of());
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD_MANAGER),
        Map.of("vendorConfirmation", "CATER-" + workshop), PD_MANAGER);
    district.runJobs(workshop);
    JsonNode view = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    String former = view.get("facilitator").asText();
    String title = view.get("title").asText();

    Http.Response notAFacilitator = http.put("/api/workshops/" + workshop + "/facilitator", PD_MANAGER,
        Map.of("facilitator", "liaison"));
    assertThat(notAFacilitator.status()).isEqualTo(400);
    assertThat(notAFacilitator.body()).contains("\"facilitator\"", "facilitators group");
    assertThat(http.put("/api/workshops/" + workshop + "/facilitator", PD_MANAGER, Map.of("facilitator", " "))
        .status()).isEqualTo(400);
    assertThat(http.put("/api/workshops/WS-99999/facilitator", PD_MANAGER, Map.of("facilitator", "facilitator2"))
        .status()).isEqualTo(404);
    assertThat(http.put("/api/workshops/" + workshop + "/facilitator", "manager:manager",
        Map.of("facilitator", "facilitator2")).status()).isEqualTo(403);

    Http.Response replaced = http.put("/api/workshops/" + workshop + "/facilitator", PD_MANAGER,
        Map.of("facilitator", "facilitator2"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("facilitator").asText()).isEqualTo("facilitator2");
    int sequence = replaced.json().get("calendarSequence").asInt();
    assertThat(sequence).isEqualTo(1);

    String cancel = PdJourney.calendarOf(district.deliveredTo(former + "@partnerships.example.org", "Cancelled: " + title));
    assertThat(org.codeorg.partnerships.support.Invites.method(cancel)).isEqualTo("CANCEL");
    assertThat(cancel).contains("SEQUENCE:1", "UID:" + workshop + "-session-1@");
    String invite = PdJourney.calendarOf(district.deliveredTo("facilitator2@partnerships.example.org",
        "You facilitate: " + title));
    assertThat(org.codeorg.partnerships.support.Invites.method(invite)).isEqualTo("REQUEST");
    assertThat(org.codeorg.partnerships.support.Invites.starts(invite)).containsExactly(Instant.parse("2027-07-14T16:00:00Z"));
    assertThat(invite).contains("SEQUENCE:1", "mailto:facilitator2@partnerships.example.org", "RSVP=TRUE");
    String instance = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(workshop)
        .singleResult().getId();
    assertThat(processEngine.getRuntimeService().getVariable(instance, "facilitator")).isEqualTo("facilitator2");
  }

  /**
   * A full workshop with a waitlist (in Nevada, so no other scenario's workshop takes these
   * teachers): the enrolled teacher follows the link of the enrolment email, sees the session in
   * the workshop's time, gives the seat up; their invite is withdrawn (CANCEL, strictly parsed), their
   * phase waits again, the first waitlisted teacher gets the seat with a REQUEST invite. Clicking
   * again, or twice at once, changes nothing more; an unknown token is a 404 page.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aTeacherGivesUpASeatThroughTheEmailsLinkAndTheFirstWaitlistedTeacherTakesIt() throws Exception {
    Map<String, Object> application = application("ELEMENTARY", "CSF", 3);
    Map<String, Object> nevada = new LinkedHashMap<>((Map<String, Object>) application.get("district"));
    nevada.put("state", "NV");
    application.put("district", nevada);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    district.complete(district.openTask(reference, "Task_ChooseElementaryPdPath", PD_MANAGER),
        Map.of("elementaryPdPath", "REGIONAL_AFFILIATE"), PD_MANAGER);
    district.runJobs(reference);
    List<String> teachers = commitAll(approved, application);

    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    String workshop = scheduleCsfWorkshop("NV", "2027-07-12T09:00:00-07:00", "2027-07-12T16:00:00-07:00", 1);
    JsonNode view = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(view.get("seats").findValuesAsText("status")).containsExactly("ENROLLED", "WAITLISTED", "WAITLISTED");
    String title = view.get("title").asText();
    Map<String, String> emailByName = new LinkedHashMap<>();
    ((List<Map<String, Object>>) application.get("teachers")).forEach(t ->
        emailByName.put((String) t.get("name"), (String) t.get("email")));
    String enrolledTeacher = emailByName.get(seatHolder(view, "ENROLLED"));
    List<String> waitlisted = new ArrayList<>(teachers);
    waitlisted.remove(enrolledTeacher);

    // The link of the enrolment email opens the seat's page, in the workshop's local time.
    String link = giveUpLink(district.deliveredTo(enrolledTeacher, "You are enrolled: " + title));
    Http.Response page = http.get(link, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(title, "Monday, July 12, 2027", "9:00 AM–4:00 PM PDT", "Give up my seat")
        .doesNotContain("You gave up your seat");

    Http.Response gaveUp = http.postForm(link, Map.of());
    assertThat(gaveUp.status()).as(gaveUp.body()).isEqualTo(200);
    assertThat(gaveUp.body()).contains("You gave up your seat").doesNotContain("<button");

    // Their invite is withdrawn: same UID, raised SEQUENCE, METHOD:CANCEL in the calendar and the MIME part.
    jakarta.mail.internet.MimeMessage released = district.deliveredTo(enrolledTeacher, "Seat given up: " + title);
    assertThat(DistrictJourney.plainText(released)).contains("Monday, July 12, 2027, 9:00 AM–4:00 PM PDT");
    String cancel = PdJourney.calendarOf(released);
    assertThat(org.codeorg.partnerships.support.Invites.method(cancel)).isEqualTo("CANCEL");
    assertThat(org.codeorg.partnerships.support.Invites.starts(cancel)).containsExactly(Instant.parse("2027-07-12T16:00:00Z"));
    assertThat(cancel).contains("UID:" + workshop + "-session-1@", "SEQUENCE:1", "mailto:" + enrolledTeacher);
    assertThat(calendarPartType(released)).contains("method=CANCEL");

    // The first waitlisted teacher takes the seat, with an invite and a link of their own.
    String promoted = waitlisted.get(0);
    jakarta.mail.internet.MimeMessage seated = district.deliveredTo(promoted, "You are enrolled: " + title);
    String invite = PdJourney.calendarOf(seated);
    assertThat(org.codeorg.partnerships.support.Invites.method(invite)).isEqualTo("REQUEST");
    assertThat(org.codeorg.partnerships.support.Invites.starts(invite)).containsExactly(Instant.parse("2027-07-12T16:00:00Z"));
    assertThat(invite).contains("UID:" + workshop + "-session-1@", "SEQUENCE:1", "mailto:" + promoted);
    String promotedLink = giveUpLink(seated);
    assertThat(promotedLink).isNotEqualTo(link);
    assertThat(district.received(waitlisted.get(1), "You are enrolled: " + title)).isZero();
    JsonNode after = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(after.get("seats").findValuesAsText("status"))
        .containsExactlyInAnyOrder("RELEASED", "ENROLLED", "WAITLISTED");
    assertThat(emailByName.get(seatHolder(after, "ENROLLED"))).isEqualTo(promoted);
    Map<String, String> phaseStatus = new LinkedHashMap<>();
    pd.detail(reference).get("professionalDevelopment").forEach(t ->
        phaseStatus.put(t.get("teacherId").asText(), t.get("phases").get(0).get("status").asText()));
    assertThat(phaseStatus.values()).as("the teacher who gave up waits again; the promoted one is seated")
        .containsExactlyInAnyOrder("OPEN", "SEATED", "OPEN");

    // The district's page shows the promoted teacher's next workshop in its local time.
    Http.Response districtPage = http.get("/district/partnerships/" + reference + "?token=" + approved.token(), null);
    assertThat(districtPage.status()).isEqualTo(200);
    assertThat(districtPage.body()).contains("Monday, July 12, 2027, 9:00 AM–4:00 PM PDT").doesNotContain(" UTC");

    // A second click answers the same confirmation and changes nothing.
    Http.Response again = http.postForm(link, Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("You gave up your seat");
    assertThat(http.get(link, null).body()).contains("You gave up your seat").doesNotContain("<button");
    assertThat(district.received(enrolledTeacher, "Seat given up: " + title)).isEqualTo(1);
    assertThat(district.received(promoted, "You are enrolled: " + title)).isEqualTo(1);
    assertThat(district.received(waitlisted.get(1), "You are enrolled: " + title)).isZero();

    // The promoted teacher double-clicks: one give-up, the last waitlisted teacher gets the seat once.
    List<Http.Response> clicks = org.codeorg.partnerships.support.Concurrently.send(2,
        () -> http.postForm(promotedLink, Map.of()));
    assertThat(clicks).allSatisfy(click -> {
      assertThat(click.status()).isEqualTo(200);
      assertThat(click.body()).contains("You gave up your seat");
    });
    assertThat(district.received(promoted, "Seat given up: " + title)).isEqualTo(1);
    assertThat(district.received(waitlisted.get(1), "You are enrolled: " + title)).isEqualTo(1);
    assertThat(http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("seats").findValuesAsText("status"))
        .containsExactlyInAnyOrder("RELEASED", "RELEASED", "ENROLLED");

    // An unknown or malformed token: the 404 page, for looking and for clicking.
    for (String unknown : List.of("/district/seats/AAAAAAAAAAAAAAAAAAAAAA", "/district/seats/short")) {
      Http.Response notFound = http.get(unknown, null);
      assertThat(notFound.status()).isEqualTo(404);
      assertThat(notFound.body()).contains("Seat not found");
      assertThat(http.postForm(unknown, Map.of()).status()).isEqualTo(404);
    }
  }

  private static final java.util.regex.Pattern GIVE_UP_LINK = java.util.regex.Pattern.compile("/district/seats/[A-Za-z0-9_-]{22}");

  /** The give-up link's path in the email's text part. */
  private static String giveUpLink(jakarta.mail.internet.MimeMessage message) {
    java.util.regex.Matcher link = GIVE_UP_LINK.matcher(DistrictJourney.plainText(message));
    assertThat(link.find()).as("a give-up link in the email").isTrue();
    return link.group();
  }

  /** The name of the one teacher whose seat has this status. */
  private String seatHolder(JsonNode workshopView, String status) {
    List<String> holders = new ArrayList<>();
    workshopView.get("seats").forEach(seat -> {
      if (seat.get("status").asText().equals(status)) {
        holders.add(seat.get("teacher").asText());
      }
    });
    assertThat(holders).hasSize(1);
    return holders.get(0);
  }

  private void secondFacilitator() {
    var identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId("facilitator2").count() == 0) {
      var user = identity.newUser("facilitator2");
      user.setFirstName("Farid");
      user.setLastName("Second");
      user.setEmail("facilitator2@partnerships.example.org");
      user.setPassword("facilitator2-password");
      identity.saveUser(user);
      identity.createMembership("facilitator2", "facilitators");
    }
  }

  /**
   * "Replace a workshop's facilitator" as Tasklist submits its start form (Camunda REST
   * {@code submit-form}): PD managers only; a bad workshop or facilitator fails the start with the
   * field named and changes nothing; a good one goes through the API's service (invite and CANCEL).
   */
  @Test
  void aPdManagerReplacesTheFacilitatorFromTasklistBadInputNamesTheField() {
    secondFacilitator();
    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    Http.Response scheduled = http.post("/api/workshops", PD_MANAGER, Map.of("course", "CSF", "phase", 1,
        "title", "Boise K-5 workshop (facilitator change in Tasklist)", "region", "ID", "location", "Boise Learning Center",
        "capacity", 10, "sessions",
        List.of(Map.of("startsAt", "2027-07-15T09:00:00-06:00", "endsAt", "2027-07-15T15:00:00-06:00"))), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD_MANAGER),
        Map.of("vendorConfirmation", "CATER-" + workshop), PD_MANAGER);
    district.runJobs(workshop);
    JsonNode view = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    String former = view.get("facilitator").asText();
    String next = former.equals("facilitator2") ? "facilitator" : "facilitator2";
    String title = view.get("title").asText();
    String submit = "/engine-rest/process-definition/key/replace-workshop-facilitator/submit-form";
    long instancesBefore = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("replace-workshop-facilitator").count();

    assertThat(http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", PD_MANAGER).json().findValuesAsText("key")).contains("replace-workshop-facilitator");
    assertThat(http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", "manager:manager").json().findValuesAsText("key"))
        .doesNotContain("replace-workshop-facilitator");
    assertThat(http.post(submit, "manager:manager", formBody(Map.of("workshopReference", workshop, "facilitator", next)),
        Map.of()).status()).isEqualTo(403);
    assertThat(http.post(submit, "facilitator:facilitator", formBody(Map.of("workshopReference", workshop,
        "facilitator", next)), Map.of()).status()).isIn(401, 403);

    Map<String, Map<String, String>> bad = new LinkedHashMap<>();
    bad.put("workshopReference 'WS-99999' is not a workshop", Map.of("workshopReference", "WS-99999", "facilitator", next));
    bad.put("facilitator must be a user of the facilitators group", Map.of("workshopReference", workshop,
        "facilitator", "liaison"));
    bad.put("facilitator is required", Map.of("workshopReference", workshop, "facilitator", " "));
    bad.put("facilitator leads this workshop already", Map.of("workshopReference", workshop, "facilitator", former));
    bad.forEach((message, form) -> {
      Http.Response refused = http.post(submit, PD_MANAGER, formBody(form), Map.of());
      assertThat(refused.status()).as(message + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).contains(message);
    });
    JsonNode unchanged = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(unchanged.get("facilitator").asText()).isEqualTo(former);
    assertThat(unchanged.get("calendarSequence").asInt()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("replace-workshop-facilitator").count()).as("no start recorded").isEqualTo(instancesBefore);

    Http.Response replaced = http.post(submit, PD_MANAGER, formBody(Map.of("workshopReference", workshop,
        "facilitator", next)), Map.of());
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    JsonNode after = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(after.get("facilitator").asText()).isEqualTo(next);
    assertThat(after.get("calendarSequence").asInt()).isEqualTo(1);
    String cancel = PdJourney.calendarOf(district.deliveredTo(former + "@partnerships.example.org", "Cancelled: " + title));
    assertThat(org.codeorg.partnerships.support.Invites.method(cancel)).isEqualTo("CANCEL");
    String invite = PdJourney.calendarOf(district.deliveredTo(next + "@partnerships.example.org", "You facilitate: " + title));
    assertThat(org.codeorg.partnerships.support.Invites.method(invite)).isEqualTo("REQUEST");
    assertThat(org.codeorg.partnerships.support.Invites.starts(invite)).containsExactly(Instant.parse("2027-07-15T15:00:00Z"));
    String instance = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(workshop)
        .singleResult().getId();
    assertThat(processEngine.getRuntimeService().getVariable(instance, "facilitator")).isEqualTo(next);
  }

  /**
   * "Change a workshop's dates" as Tasklist submits its start form (Camunda REST {@code submit-form}),
   * in Utah so that no other scenario's workshop takes the teacher: PD managers only; each refusal
   * (unknown workshop, unknown zone, a session ending before it starts, overlapping sessions, a date
   * in the past) is a 400 naming the form's field and writes nothing. Three sessions become two, as
   * local times in the workshop's zone: the enrolled teacher and the facilitator get the updated
   * invite (REQUEST) and a CANCEL of session 3 with the UID it was invited with and a higher
   * SEQUENCE, both strictly parsed from what the SMTP server received. The same form again changes
   * nothing. The attendance task's card shows the new first session in local time.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aPdManagerChangesAWorkshopsDatesFromTasklistAndADroppedSessionIsWithdrawn() throws Exception {
    Map<String, Object> application = application("ELEMENTARY", "CSF", 1);
    Map<String, Object> utah = new LinkedHashMap<>((Map<String, Object>) application.get("district"));
    utah.put("state", "UT");
    application.put("district", utah);
    DistrictJourney.Approved approved = district.run(application);
    district.complete(district.openTask(approved.reference(), "Task_ChooseElementaryPdPath", PD_MANAGER),
        Map.of("elementaryPdPath", "REGIONAL_AFFILIATE"), PD_MANAGER);
    district.runJobs(approved.reference());
    String teacher = commitAll(approved, application).get(0);

    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    String title = "Ogden K-5 workshop (dates changed in Tasklist) " + approved.reference();
    List<Map<String, String>> threeSessions = new ArrayList<>();
    for (int day = 12; day <= 14; day++) {
      threeSessions.add(Map.of("startsAt", "2027-07-" + day + "T09:00:00-06:00", "endsAt", "2027-07-" + day + "T12:00:00-06:00"));
    }
    Http.Response scheduled = http.post("/api/workshops", PD_MANAGER, Map.of("course", "CSF", "phase", 1, "title", title,
        "region", "UT", "location", "Ogden Learning Center", "capacity", 10, "sessions", threeSessions), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD_MANAGER),
        Map.of("vendorConfirmation", "CATER-" + workshop), PD_MANAGER);
    district.runJobs(workshop);
    JsonNode before = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(before.get("timeZone").asText()).isEqualTo("America/Denver");
    assertThat(before.get("seats").findValuesAsText("status")).containsExactly("ENROLLED");
    String facilitatorEmail = before.get("facilitator").asText() + "@partnerships.example.org";
    String enrolment = PdJourney.calendarOf(district.deliveredTo(teacher, "You are enrolled: " + title));
    var invitedSession3 = org.codeorg.partnerships.support.Invites.events(enrolment).get(2);
    assertThat(invitedSession3.getProperty("UID").orElseThrow().getValue())
        .isEqualTo(workshop + "-session-3@partnerships.code.org");
    int invitedSequence = Integer.parseInt(invitedSession3.getProperty("SEQUENCE").orElseThrow().getValue());

    String key = "change-workshop-dates";
    String submit = "/engine-rest/process-definition/key/" + key + "/submit-form";
    assertThat(http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", PD_MANAGER).json().findValuesAsText("key")).contains(key);
    assertThat(http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", "manager:manager").json().findValuesAsText("key")).doesNotContain(key);
    Map<String, String> twoSessions = new LinkedHashMap<>(Map.of("workshopReference", workshop,
        "session1Date", "2027-07-19", "session1Starts", "09:00", "session1Ends", "12:00",
        "session2Date", "2027-07-20", "session2Starts", "09:00", "session2Ends", "12:00"));
    assertThat(http.post(submit, "manager:manager", formBody(twoSessions), Map.of()).status()).isEqualTo(403);
    long instancesBefore = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(key).count();

    Map<String, Map<String, String>> bad = new LinkedHashMap<>();
    bad.put("workshopReference 'WS-99999' is not a workshop", with(twoSessions, "workshopReference", "WS-99999"));
    bad.put("timeZone must be an IANA time zone id", with(twoSessions, "timeZone", "Mars/Olympus_Mons"));
    bad.put("session1Ends must be after the session starts", with(twoSessions, "session1Ends", "08:00"));
    bad.put("session2Starts must be after the previous session ends (sessions must not overlap)",
        with(with(twoSessions, "session2Date", "2027-07-19"), "session2Starts", "11:00"));
    bad.put("session1Starts must be in the future", with(twoSessions, "session1Date", "2027-05-03"));
    bad.forEach((message, form) -> {
      Http.Response refused = http.post(submit, PD_MANAGER, formBody(form), Map.of());
      assertThat(refused.status()).as(message + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).contains(message);
    });
    JsonNode unchanged = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(unchanged.get("sessions")).isEqualTo(before.get("sessions"));
    assertThat(unchanged.get("datesRevision").asInt()).isZero();
    assertThat(unchanged.get("calendarSequence").asInt()).isEqualTo(before.get("calendarSequence").asInt());
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
        .as("no start recorded").isEqualTo(instancesBefore);
    assertThat(district.received(teacher, "Sessions no longer taking place: " + title)).isZero();

    Http.Response changed = http.post(submit, PD_MANAGER, formBody(twoSessions), Map.of());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    district.runJobs(workshop);
    JsonNode after = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(after.get("datesRevision").asInt()).isEqualTo(1);
    assertThat(after.get("sessions").findValuesAsText("startsAt"))
        .as("local 9:00 AM in Denver (MDT, UTC-6)").containsExactly("2027-07-19T15:00:00Z", "2027-07-20T15:00:00Z");

    for (String recipient : List.of(teacher, facilitatorEmail)) {
      jakarta.mail.internet.MimeMessage dropped = district.deliveredTo(recipient, "Sessions no longer taking place: " + title);
      assertThat(calendarPartType(dropped)).contains("method=CANCEL");
      String cancel = PdJourney.calendarOf(dropped);
      assertThat(org.codeorg.partnerships.support.Invites.method(cancel)).isEqualTo("CANCEL");
      var withdrawn = org.codeorg.partnerships.support.Invites.events(cancel);
      assertThat(withdrawn).hasSize(1);
      assertThat(withdrawn.get(0).getProperty("UID").orElseThrow().getValue())
          .isEqualTo(workshop + "-session-3@partnerships.code.org");
      assertThat(Integer.parseInt(withdrawn.get(0).getProperty("SEQUENCE").orElseThrow().getValue()))
          .isGreaterThan(invitedSequence);
      assertThat(org.codeorg.partnerships.support.Invites.starts(cancel)).as("session 3 as it was invited")
          .containsExactly(Instant.parse("2027-07-14T15:00:00Z"));
      assertThat(DistrictJourney.plainText(dropped)).contains("Session 3: Wednesday, July 14, 2027, 9:00 AM–12:00 PM MDT");

      String update = PdJourney.calendarOf(district.deliveredTo(recipient, "New dates: " + title));
      assertThat(org.codeorg.partnerships.support.Invites.method(update)).isEqualTo("REQUEST");
      assertThat(org.codeorg.partnerships.support.Invites.starts(update))
          .containsExactly(Instant.parse("2027-07-19T15:00:00Z"), Instant.parse("2027-07-20T15:00:00Z"));
      assertThat(update).contains("UID:" + workshop + "-session-1@", "UID:" + workshop + "-session-2@")
          .doesNotContain("-session-3@");
    }

    // The same form again (a double click): the dates are already these, nothing more is sent.
    assertThat(http.post(submit, PD_MANAGER, formBody(twoSessions), Map.of()).status()).isEqualTo(200);
    district.runJobs(workshop);
    assertThat(http.get("/api/workshops/" + workshop, PD_MANAGER).json().get("datesRevision").asInt()).isEqualTo(1);
    assertThat(district.received(teacher, "Sessions no longer taking place: " + title)).isEqualTo(1);
    assertThat(district.received(teacher, "New dates: " + title)).isEqualTo(1);

    // The attendance task's card: the first session where it takes place, not in UTC.
    String instance = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(workshop)
        .singleResult().getId();
    assertThat(processEngine.getRuntimeService().getVariable(instance, "firstSessionLocal"))
        .isEqualTo("Mon Jul 19, 2027 9:00 AM MDT");
    PdJourney.travelTo(Instant.parse("2027-07-19T19:00:00Z"));
    district.runJobs(workshop);
    var attendanceTask = processEngine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_RecordSessionAttendance").list().get(0);
    assertThat(processEngine.getTaskService().getVariableLocal(attendanceTask.getId(), "firstSessionLocal"))
        .isEqualTo("Mon Jul 19, 2027 9:00 AM MDT");
  }

  private static Map<String, String> with(Map<String, String> form, String field, String value) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    changed.put(field, value);
    return changed;
  }

  private static Map<String, Object> formBody(Map<String, String> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    return Map.of("variables", variables);
  }

  private String scheduleCsfWorkshop(String startsAt, String endsAt, int capacity) {
    return scheduleCsfWorkshop("CA", startsAt, endsAt, capacity);
  }

  private String scheduleCsfWorkshop(String region, String startsAt, String endsAt, int capacity) {
    Http.Response scheduled = http.post("/api/workshops", PD_MANAGER, Map.of("course", "CSF", "phase", 1,
        "region", region, "location", "Sacramento Learning Center", "capacity", capacity, "sessions",
        List.of(Map.of("startsAt", startsAt, "endsAt", endsAt))), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD_MANAGER),
        Map.of("vendorConfirmation", "CATER-" + workshop), PD_MANAGER);
    district.runJobs(workshop);
    return workshop;
  }

  private static String calendarPartType(jakarta.mail.internet.MimeMessage message) throws Exception {
    jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) message.getContent();
    for (int i = 0; i < mixed.getCount(); i++) {
      if (mixed.getBodyPart(i).isMimeType("text/calendar")) {
        return mixed.getBodyPart(i).getContentType();
      }
    }
    throw new AssertionError("no text/calendar part");
  }

  @Test
  void onlyPdManagersScheduleWorkshopsAndBadInputIsAProblemWithTheField() {
    Map<String, Object> body = Map.of("course", "CSP", "phase", 1, "region", "California", "location", "",
        "capacity", 0, "sessions", List.of(Map.of("startsAt", "tomorrow", "endsAt", "2030-01-01T10:00:00Z")));
    assertThat(http.post("/api/workshops", null, body, Map.of()).status()).isEqualTo(401);
    assertThat(http.post("/api/workshops", "manager:manager", body, Map.of()).status()).isEqualTo(403);
    Http.Response invalid = http.post("/api/workshops", PD_MANAGER, body, Map.of());
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.body()).contains("\"phase\"", "\"region\"", "\"location\"", "\"capacity\"",
        "sessions[0].startsAt");
    assertThat(http.get("/api/workshops/WS-99999", PD_MANAGER).status()).isEqualTo(404);
    assertThat(http.put("/api/workshops/WS-99999/sessions", PD_MANAGER,
        Map.of("sessions", List.of(Map.of("startsAt", "2030-01-01T09:00:00Z", "endsAt", "2030-01-01T15:00:00Z"))))
        .status()).isEqualTo(404);
  }

  @Test
  void newDatesSendAnUpdatedInviteAndMoveTheReminders() {
    PdJourney.travelTo(Instant.parse("2027-05-01T12:00:00Z"));
    Http.Response scheduled = http.post("/api/workshops", PD_MANAGER, Map.of("course", "CS_SCIENCE", "phase", 1,
        "region", "WA", "location", "Tacoma Learning Center", "capacity", 10, "sessions",
        List.of(Map.of("startsAt", "2027-07-05T16:00:00Z", "endsAt", "2027-07-05T23:00:00Z"))), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD_MANAGER),
        Map.of("vendorConfirmation", "CATER-77"), PD_MANAGER);
    district.runJobs(workshop);

    Http.Response moved = http.put("/api/workshops/" + workshop + "/sessions", PD_MANAGER, Map.of("sessions",
        List.of(Map.of("startsAt", "2027-07-19T16:00:00Z", "endsAt", "2027-07-19T23:00:00Z"))));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("datesRevision").asInt()).isEqualTo(1);
    district.runJobs(workshop);

    JsonNode view = moved.json();
    String facilitatorEmail = view.get("facilitator").asText() + "@partnerships.example.org";
    String invite = PdJourney.calendarOf(district.deliveredTo(facilitatorEmail, "New dates: " + view.get("title").asText()));
    assertThat(invite).contains("SEQUENCE:1", "DTSTART;TZID=America/Los_Angeles:20270719T090000",
        "UID:" + workshop + "-session-1@", "METHOD:REQUEST");
    assertThat(org.codeorg.partnerships.support.Invites.starts(invite)).containsExactly(Instant.parse("2027-07-19T16:00:00Z"));
    String instance = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(workshop)
        .singleResult().getId();
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance).timers()
        .activityId("Timer_TenDaysBefore").singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2027-07-09T16:00:00Z"));

    PdJourney.travelTo(Instant.parse("2027-07-19T17:00:00Z"));
    assertThat(http.put("/api/workshops/" + workshop + "/sessions", PD_MANAGER, Map.of("sessions",
        List.of(Map.of("startsAt", "2027-08-19T16:00:00Z", "endsAt", "2027-08-19T23:00:00Z")))).status())
        .as("a started workshop keeps its dates").isEqualTo(409);
  }

  /** Every teacher of the application is guaranteed by the district; returns their emails. */
  /**
   * Answers go to the teacher's recorded PD instance (V6); a teacher whose PD started before that
   * link existed has none, and the guarantee and the online phase still find the instance the
   * old way (business key and teacher id).
   */
  @Test
  void answersStillReachATeacherWhosePdInstanceWasNotRecorded() {
    Map<String, Object> application = application("HIGH", "CSP", 1);
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    Long teacherId = pd.detail(reference).get("professionalDevelopment").get(0).get("teacherId").asLong();
    assertThat(jdbc.queryForObject("SELECT pd_process_instance_id FROM teacher WHERE id = ?", String.class, teacherId))
        .as("recorded when the guarantee is asked for").isNotNull();
    jdbc.update("UPDATE teacher SET pd_process_instance_id = NULL WHERE id = ?", teacherId);

    commitAll(approved, application);
    Http.Response online = http.post("/api/partnerships/" + reference + "/teachers/" + teacherId
        + "/pd-phases/1/completion", PD_MANAGER, Map.of("hours", 20), Map.of());
    assertThat(online.status()).as(online.body()).isEqualTo(202);
    district.runJobs(reference);

    assertThat(pd.detail(reference).get("professionalDevelopment").get(0).get("phases").get(0).get("status").asText())
        .isEqualTo("COMPLETED");
  }

  private List<String> commitAll(DistrictJourney.Approved approved, Map<String, Object> application) {
    for (JsonNode teacher : pd.detail(approved.reference()).get("professionalDevelopment")) {
      Http.Response committed = http.post("/api/partnerships/" + approved.reference() + "/teachers/"
          + teacher.get("teacherId").asText() + "/commitment", null, Map.of("commits", true),
          Map.of("X-Partnership-Token", approved.token()));
      assertThat(committed.status()).as(committed.body()).isEqualTo(202);
    }
    district.runJobs(approved.reference());
    List<String> emails = new ArrayList<>();
    ((List<?>) application.get("teachers")).forEach(t -> emails.add((String) ((Map<?, ?>) t).get("email")));
    return emails;
  }

  /** One school of a level with {@code teachers} teachers of one course, in California. */
  private static Map<String, Object> application(String level, String course, int teachers) {
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String school = "Scenario School " + nces;
    application.put("schools", List.of(Map.of("name", school, "level", level)));
    application.put("courses", List.of(Map.of("course", course, "school", school, "sections", teachers)));
    List<Map<String, Object>> staff = new ArrayList<>();
    for (int i = 1; i <= teachers; i++) {
      staff.add(Map.of("name", "Teacher " + i + " " + nces, "email", "t" + i + "." + nces + "@k12.test", "school", school,
          "course", course));
    }
    application.put("teachers", staff);
    application.put("leaders", List.of());
    return application;
  }
}
