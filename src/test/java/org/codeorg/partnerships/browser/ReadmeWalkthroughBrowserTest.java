package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's "Try it in 15 minutes" in a real browser (Debian's headless chromium), on the shared
 * default-profile context: the example application of {@code docs/examples/application.json} (with a
 * district id of its own) from its application to a closed partnership. Two windows: the newcomer
 * logged in as {@code admin}, who reads the district's emails on {@code /demo/mailbox}, follows their
 * links to the district's page and answers there as the district, and moves time on {@code /demo/clock};
 * and the staff's Tasklist, where each staff member the README names logs in, claims their task, fills
 * its Camunda Form (the date picker and the attendance checklists included) and completes it, and
 * where {@code pdmanager} starts "Schedule a workshop (in-person PD)" and "Report online PD
 * completions" from "Start process".
 *
 * <p>What is not done in a browser, and why: the district applies with {@code POST /api/applications}
 * (the README's step 1; {@code TasklistAndCockpitBrowserTest} applies on the page); the job executor and
 * the outbox sender are off in the test context, so {@code settle} runs the asynchronous steps after each
 * action and hands the outbox its due emails (the running application does both by itself). When the
 * shared context holds another test's facilitator with fewer open workshops, the workshop is given to the
 * README's {@code facilitator} over the API first (on a fresh start there is no other).
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class ReadmeWalkthroughBrowserTest extends SpringIntegrationTest {

  private static final String PD = "pdmanager:pdmanager";
  private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
  private static final int WORKSHOP_DAYS = 5;

  @Autowired
  OutboxSender sender;
  @Autowired
  Clock clock;
  @Autowired
  JdbcTemplate jdbc;

  private final List<WebDriver> browsers = new ArrayList<>();
  private WebDriver admin;
  private TasklistBrowser staff;
  private Http http;
  private DistrictJourney district;
  private PdJourney pd;
  private String nces;
  private String reference;
  private String contact;
  private String teacherEmail;

  @AfterEach
  void closeBrowsers() {
    // Each window as it was last, e.g. at a failure.
    for (int i = 0; i < browsers.size(); i++) {
      TasklistBrowser.screenshot(browsers.get(i), "walk-last-window-" + (i + 1));
    }
    browsers.forEach(WebDriver::quit);
  }

  @Test
  void fromTheExampleApplicationToAClosedPartnership() throws Exception {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    pd = new PdJourney(http, processEngine, district, PD);
    admin = open();
    staff = new TasklistBrowser(open(), baseUrl(), processEngine);

    // 1. The district applies with the example application (its own district id: the context is shared).
    ObjectNode application = (ObjectNode) Http.JSON.readTree(Path.of("docs/examples/application.json").toFile());
    nces = String.valueOf(7_000_000 + (System.nanoTime() % 999_999));
    ((ObjectNode) application.get("district")).put("ncesId", nces).put("name", "Riverbend Unified " + nces);
    contact = "maya.chen" + nces + "@riverbend.k12.ca.us";
    teacherEmail = "lpark" + nces + "@riverbend.k12.ca.us";
    ((ObjectNode) application.get("contact")).put("email", contact);
    ((ObjectNode) application.get("teachers").get(0)).put("email", teacherEmail);
    ((ObjectNode) application.get("leaders").get(0)).put("email", "scole" + nces + "@riverbend.k12.ca.us");
    Http.Response applied = http.post("/api/applications", null, application, Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    reference = applied.json().get("reference").asText();
    settle();

    // 2. admin reads the district's first email and follows its link.
    TasklistBrowser.logIn(admin, baseUrl(), "tasklist", "admin");
    followDistrictLink("We received your Code.org partnership application (" + reference + ")");
    assertThat(admin.findElement(By.tagName("body")).getText()).contains(reference);
    TasklistBrowser.screenshot(admin, "walk-02-district-page");

    // 3. manager: Review application → accept.
    staff.logIn("tasklist", "manager");
    staff.openTask(reference, "Task_ReviewApplication", "Review application");
    staff.claim().choose("Accept the district into the program").complete("walk-03-review-application");
    settle();

    // 4. manager: Record signed partnership agreement — signatory and the date picker.
    assertThat(mailbox("Welcome to the Code.org partnership program (" + reference + "): the partnership terms")).isTrue();
    LocalDate signedOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    staff.openTask(reference, "Task_RecordSignedAgreement", "Record signed partnership agreement");
    staff.claim().type("Signed for the district by", "Dr. Ana Ortiz, Superintendent").date("Date signed", signedOn)
        .complete("walk-04-signed-agreement");
    settle();
    assertThat(detail().get("timeline").findValuesAsText("detail"))
        .contains("Dr. Ana Ortiz, Superintendent on " + signedOn);

    // 5. The district submits its plan on its page.
    followDistrictLink("Code.org partnership " + reference + ": your comprehensive plan");
    for (String part : List.of("vision", "implementation", "promotion", "communitySupport")) {
      admin.findElement(By.name(part)).sendKeys("Riverbend's " + part + " for computer science.");
    }
    TasklistBrowser.click(admin, By.xpath("//button[normalize-space(.)='Submit the plan']"));
    TasklistBrowser.waitFor(admin, "we received your comprehensive plan");
    settle();

    // 6. manager: Review comprehensive plan → approve.
    staff.openTask(reference, "Task_ReviewPlan", "Review comprehensive plan");
    staff.claim().choose("Approve the plan").complete("walk-06-review-plan");
    settle();
    assertThat(stage()).isEqualTo("IMPLEMENTATION");

    // 7. The district guarantees its teacher and reports both sections' set-up on its page.
    followDistrictLink("Code.org partnership " + reference + ": please confirm Lee Park will teach");
    TasklistBrowser.click(admin, By.xpath("//label[normalize-space(.)='Will teach the course next school year']"));
    TasklistBrowser.click(admin, By.xpath("//form[contains(@action,'/commitment')]//button"));
    TasklistBrowser.waitFor(admin, "we recorded the teacher's answer");
    settle();
    for (int section = 0; section < 2; section++) {
      admin.navigate().refresh();
      WebElement form = admin.findElement(By.xpath("//form[contains(@action,'/readiness')]"));
      String prefix = form.findElement(By.xpath(".//input[contains(@name,'-timeSlot')]")).getAttribute("name")
          .replace("timeSlot", "");
      fill(admin, prefix + "timeSlot", "Period " + (section + 2));
      fill(admin, prefix + "room", "B-10" + section);
      fill(admin, prefix + "courseCode", "CSP-" + section);
      new Select(admin.findElement(By.name(prefix + "oneToOneComputing"))).selectByValue("true");
      fill(admin, prefix + "bandwidthMbps", "50");
      new Select(admin.findElement(By.name(prefix + "materialsReady"))).selectByValue("true");
      fill(admin, prefix + "materialsCostPerClass", "60");
      TasklistBrowser.click(admin, By.xpath("//form[.//input[@name='" + prefix + "timeSlot']]//button"));
      TasklistBrowser.waitFor(admin, "we received the section's set-up");
      settle();
    }
    TasklistBrowser.screenshot(admin, "walk-07-district-set-up");
    detail().get("sections").forEach(s -> assertThat(s.get("readiness").asText()).as(s.toString()).isEqualTo("READY"));

    // 8.–12. PD: online phase 1, summer workshop (phase 2, 5 days of 7 hours), academic-year workshop
    // (phase 3, 5 days of 6 hours), online phase 4; the counselor's leadership PD.
    online(1, 20);
    workshop(2, LocalDate.parse("2027-07-12"), "09:00", "16:00");
    workshop(3, LocalDate.parse("2027-11-29"), "08:00", "14:00");
    moveTo(Instant.parse("2028-05-15T12:00:00Z"));
    online(4, 15);
    assertThat(mailbox("Your Code.org professional development certificate: 100 hours")).isTrue();
    staff.openTask(reference, "Task_RecordLeadershipAttendance", "Counselor/Administrator PD attendance");
    assertThat(staff.claim().tickAll("Attended", "Sam Cole")).hasSize(1);
    staff.complete("walk-12-leadership-attendance");
    settle();
    assertThat(detail().get("leadershipPd").get(0).get("status").asText()).isEqualTo("ATTENDED");

    // 13. admin: forward to the end of the school year → evaluation.
    moveTo(Instant.parse("2028-07-02T12:00:00Z"));
    assertThat(stage()).isEqualTo("EVALUATION");

    // 14. The district reports its results on its page.
    followDistrictLink("Code.org partnership " + reference + ": your data for the program evaluation");
    fill(admin, "courses[0].sectionsTaught", "2");
    fill(admin, "courses[0].studentsEnrolled", "56");
    fill(admin, "courses[0].studentsCompleted", "51");
    TasklistBrowser.click(admin, By.xpath("//button[normalize-space(.)='Send the results']"));
    TasklistBrowser.waitFor(admin, "we received your results");
    settle();

    // 15. evaluator: Assess the program.
    staff.logIn("tasklist", "evaluator");
    staff.openTask(reference, "Task_AssessProgram", "Assess the program");
    staff.claim().type("Assessment of teacher professional development", "Lee Park completed all four phases.")
        .type("Assessment of student outcomes", "51 of 56 students completed CSP.")
        .type("Conclusions (sent to the district)", "A strong first year.")
        .choose("Close the partnership").complete("walk-15-assess-program");
    settle();
    assertThat(mailbox("Code.org partnership " + reference + ": program evaluation report")).isTrue();

    // 16. manager: Close or renew the partnership → closed.
    staff.logIn("tasklist", "manager");
    staff.openTask(reference, "Task_DecideCloseOrRenew", "Close or renew the partnership");
    staff.claim().choose("Close the partnership").complete("walk-16-close-or-renew");
    settle();
    assertThat(stage()).isEqualTo("CLOSED");
    assertThat(mailbox("Code.org partnership " + reference + " is complete")).isTrue();
    TasklistBrowser.screenshot(admin, "walk-16-closed");
  }

  // --- PD in Tasklist -----------------------------------------------------------------------------------------

  /** pdmanager: Start process → "Report online PD completions" for the teacher's phase, completed today. */
  private void online(int phase, int hours) {
    staff.logIn("tasklist", "pdmanager");
    staff.reportOnlineCompletion(teacherEmail, "Computer Science Principles (AP)", phase,
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), hours, "walk-online-phase-" + phase);
    settle();
    assertThat(teacherPhase(phase).get("hoursEarned").asInt()).isEqualTo(hours);
  }

  /**
   * A workshop of {@value #WORKSHOP_DAYS} consecutive days in California, run from Tasklist: pdmanager
   * schedules it 30 days ahead (the demo clock moves there) and enters the vendor's confirmation;
   * after the last day facilitator records each session's attendance and pdmanager closes it.
   */
  private void workshop(int phase, LocalDate firstDay, String starts, String ends) {
    Instant firstSession = firstDay.atTime(LocalTime.parse(starts)).atZone(CALIFORNIA).toInstant();
    moveTo(firstSession.minus(Duration.ofDays(30)));
    String location = "Riverbend Learning Center " + nces + ", phase " + phase;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Phase", String.valueOf(phase));
    fields.put("Region", "CA");
    fields.put("Time zone (IANA id)", CALIFORNIA.getId());
    fields.put("Location", location);
    fields.put("Capacity (seats)", "30");
    List<TasklistBrowser.Session> sessions = new ArrayList<>();
    for (int day = 0; day < WORKSHOP_DAYS; day++) {
      sessions.add(new TasklistBrowser.Session(firstDay.plusDays(day), starts, ends));
    }
    staff.logIn("tasklist", "pdmanager");
    staff.scheduleWorkshop("Computer Science Principles (CSP)", fields, sessions, "walk-schedule-workshop-" + phase);
    String workshop = TasklistBrowser.waiting(staff.browser(), Duration.ofSeconds(30)).until(driver -> jdbc.queryForList(
        "SELECT reference FROM workshop WHERE location = ?", String.class, location).stream().findFirst().orElse(null));
    settle(workshop);

    staff.openTask(workshop, "Task_RecordVendorConfirmation", "Materials and meals");
    staff.claim().type("Vendor's confirmation number", "CATER-" + workshop).complete("walk-vendor-confirmation-" + phase);
    settle(workshop);
    pd.ledBy(workshop, "facilitator");
    admin.get(baseUrl() + "/demo/mailbox?to=" + teacherEmail);
    assertThat(admin.findElement(By.tagName("body")).getText()).contains("You are enrolled: ");

    moveTo(firstSession.plus(Duration.ofDays(WORKSHOP_DAYS)));
    staff.logIn("tasklist", "facilitator");
    for (int session = 1; session <= WORKSHOP_DAYS; session++) {
      staff.openTask(workshop, "Task_RecordSessionAttendance", "Attendance: session " + session);
      // Every enrolled teacher was there (another test's teachers of the region may have taken seats too).
      assertThat(staff.formEnabled().tickAll("Present", "Lee Park")).anyMatch(name -> name.startsWith("Lee Park"));
      staff.complete("walk-session-attendance-" + phase + "-" + session);
      settle(workshop);
    }
    staff.logIn("tasklist", "pdmanager");
    staff.openTask(workshop, "Task_CloseWorkshop", "Close the workshop");
    staff.formEnabled().tick("Attendance of every session is recorded and correct").complete("walk-close-workshop-" + phase);
    settle(workshop);
    settle();
    assertThat(teacherPhase(phase).get("status").asText()).isEqualTo("COMPLETED");
  }

  // --- the newcomer's window: mailbox, district page, demo clock -------------------------------------------

  /** Opens the newest email with this subject to the district's contact, then the district link in it. */
  private void followDistrictLink(String subject) {
    admin.get(baseUrl() + "/demo/mailbox?to=" + contact);
    TasklistBrowser.click(admin, By.xpath("(//a[starts-with(normalize-space(.), \"" + subject + "\")])[1]"));
    TasklistBrowser.waitFor(admin, "Links");
    WebElement link = admin.findElement(By.xpath("//ul[@class='links']//a[contains(@href,'/district/partnerships/')]"));
    // The emails' links start with partnership.mail.public-base-url (http://localhost:8080, as on
    // mvn spring-boot:run); the test's server listens on a random port.
    String href = link.getAttribute("href");
    assertThat(href).startsWith("http://localhost:8080/district/partnerships/" + reference + "?token=");
    admin.get(href.replace("http://localhost:8080", baseUrl()));
    TasklistBrowser.waitFor(admin, reference);
  }

  /** Whether the mailbox lists an email with this subject (any recipient of this district). */
  private boolean mailbox(String subject) {
    admin.get(baseUrl() + "/demo/mailbox");
    return admin.findElement(By.tagName("body")).getText().contains(subject);
  }

  /** "Move time forward" on /demo/clock to the given day (whole days, at least one). */
  private void moveTo(Instant when) {
    long days = Math.max(1, Duration.between(clock.instant(), when).toDays() + 1);
    admin.get(baseUrl() + "/demo/clock");
    fill(admin, "days", String.valueOf(days));
    TasklistBrowser.click(admin, By.xpath("//button[normalize-space(.)='Move time forward']"));
    TasklistBrowser.waitFor(admin, "Timers fired");
    TasklistBrowser.screenshot(admin, "walk-clock-" + when.toString().substring(0, 10));
    settle();
  }

  // --- plumbing ---------------------------------------------------------------------------------------------

  /** The job executor's and the outbox sender's work for the partnership (both off in the test context). */
  private void settle() {
    settle(reference);
  }

  /** The same for the instances with this business key (a workshop's). */
  private void settle(String businessKey) {
    district.runJobs(businessKey);
    for (int i = 0; i < 20 && sender.deliverDue(clock.instant()).attempted() > 0; i++) {
      // until nothing is due
    }
  }

  private JsonNode detail() {
    return http.get("/api/partnerships/" + reference, "manager:manager").json();
  }

  private String stage() {
    return detail().get("stage").asText();
  }

  /** The teacher's phase in the staff API's PD ledger. */
  private JsonNode teacherPhase(int phase) {
    return detail().get("professionalDevelopment").get(0).get("phases").get(phase - 1);
  }

  private WebDriver open() throws IOException {
    WebDriver browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-walk"), "1400,1100"));
    browsers.add(browser);
    return browser;
  }

  private static void fill(WebDriver browser, String name, String text) {
    WebElement input = browser.findElement(By.name(name));
    input.clear();
    input.sendKeys(text);
  }
}
