package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
@EnabledIf("browserAvailable")
class PdFromTasklistBrowserTest extends SpringIntegrationTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
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

  static boolean browserAvailable() {
    boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!installed && "true".equals(System.getenv("REQUIRE_BROWSER"))) {
      throw new IllegalStateException("REQUIRE_BROWSER=true but chromium/chromedriver are not installed");
    }
    return installed;
  }

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
    WebDriver pdManager = open();
    logIn(pdManager, "pdmanager");
    click(pdManager, By.xpath("//a[normalize-space(.)='Start process']"));
    click(pdManager, By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='Schedule a workshop (in-person PD)']"));
    waitFor(pdManager, "Sessions are local dates and times");
    String title = "Washoe CSP summer workshop " + nces;
    String location = "Reno Learning Center " + nces + ", Room 2";
    choose(pdManager, "Course", "Computer Science Principles (CSP)");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Phase", "2");
    fields.put("Title (optional)", title);
    fields.put("Region", "NV");
    fields.put("Time zone (IANA id)", "America/Los_Angeles");
    fields.put("Location", location);
    fields.put("Capacity (seats)", "10");
    fields.put("Session 1: date", "2027-07-19");
    fields.put("starts (local time)", "09:00");
    fields.put("ends (local time)", "15:00");
    // Twice: the second pass finds every value still in place (or types it again).
    for (int pass = 0; pass < 2; pass++) {
      fields.forEach((label, text) -> type(pdManager, label, text));
      // A second session the next day, dropped later with "Change a workshop's dates".
      type(pdManager, "Session 2: date (optional)", "2027-07-20");
      typeNth(pdManager, "starts (local time)", 2, "09:00");
      typeNth(pdManager, "ends (local time)", 2, "15:00");
    }
    screenshot(pdManager, "pd-tasklist-schedule-workshop");
    click(pdManager, By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Start']"));
    String workshop = new WebDriverWait(pdManager, Duration.ofSeconds(30)).until(driver -> jdbc.queryForList(
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
    openTask(pdManager, workshop, "Task_RecordVendorConfirmation", "Materials and meals");
    claim(pdManager);
    type(pdManager, "Vendor's confirmation number", "CATER-" + workshop);
    complete(pdManager, workshop, "Task_RecordVendorConfirmation", "pd-tasklist-vendor-confirmation");
    settle(workshop);
    JsonNode open = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    assertThat(open.get("seats").findValuesAsText("status")).containsExactly("ENROLLED", "ENROLLED");
    if (!open.get("facilitator").asText().equals("facilitator")) {
      // Another test's facilitator may have fewer open workshops: the demo facilitator takes this one.
      Http.Response replaced = http.put("/api/workshops/" + workshop + "/facilitator", PD_MANAGER,
          Map.of("facilitator", "facilitator"));
      assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
      settle(workshop);
    }

    // 2b. pdmanager: Start process → "Change a workshop's dates": only the first session remains. The
    // teachers and the facilitator get the new dates and a CANCEL of session 2 (its own UID).
    click(pdManager, By.xpath("//a[normalize-space(.)='Start process']"));
    click(pdManager, By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)=\"Change a workshop's dates\"]"));
    waitFor(pdManager, "The list replaces every session");
    Map<String, String> newDates = new LinkedHashMap<>();
    newDates.put("Workshop", workshop);
    newDates.put("Session 1: date", "2027-07-19");
    newDates.put("starts (local time)", "09:00");
    newDates.put("ends (local time)", "15:00");
    for (int pass = 0; pass < 2; pass++) {
      newDates.forEach((label, text) -> type(pdManager, label, text));
    }
    screenshot(pdManager, "pd-tasklist-change-workshop-dates");
    click(pdManager, By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Start']"));
    new WebDriverWait(pdManager, Duration.ofSeconds(30)).until(driver ->
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
    WebDriver facilitator = open();
    logIn(facilitator, "facilitator");
    openTask(facilitator, workshop, "Task_RecordSessionAttendance", "Attendance: session 1");
    waitFor(facilitator, names.get(0));
    waitFor(facilitator, names.get(1));
    recordAttendance(facilitator, names);
    complete(facilitator, workshop, "Task_RecordSessionAttendance", "pd-tasklist-session-attendance");
    JsonNode attended = http.get("/api/workshops/" + workshop, PD_MANAGER).json();
    Map<String, String> sessionsAttended = new LinkedHashMap<>();
    attended.get("seats").forEach(seat -> sessionsAttended.put(seat.get("teacher").asText(),
        seat.get("sessionsAttended").toString()));
    assertThat(sessionsAttended).containsEntry(names.get(0), "[1]").containsEntry(names.get(1), "[]");

    // 4. The organizer closes the workshop.
    openTask(pdManager, workshop, "Task_CloseWorkshop", "Close the workshop");
    click(pdManager, By.xpath("//label[contains(., 'Attendance of every session is recorded and correct')]"));
    complete(pdManager, workshop, "Task_CloseWorkshop", "pd-tasklist-close-workshop");
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

  /**
   * Ticks the first teacher in the checklist of the enrolled teachers' names (Camunda Forms
   * {@code checklist} whose options come from a Json variable, {@code valuesKey}) and leaves the
   * second unticked, i.e. absent.
   */
  private void recordAttendance(WebDriver browser, List<String> names) {
    By present = checklistEntry(names.get(0));
    By absent = checklistEntry(names.get(1));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(absent));
    click(browser, present);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
        driver.findElement(present).findElement(By.xpath(".//input[@type='checkbox']")).isSelected());
    assertThat(browser.findElement(absent).findElement(By.xpath(".//input[@type='checkbox']")).isSelected()).isFalse();
  }

  private static By checklistEntry(String teacher) {
    return By.xpath("//label[.//input[@type='checkbox'] and contains(normalize-space(.), \"" + teacher + "\")]");
  }

  // --- Tasklist -------------------------------------------------------------------------------------------

  private void openTask(WebDriver browser, String businessKey, String taskKey, String heading) {
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult().getId();
    browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitFor(browser, heading);
  }

  private void claim(WebDriver browser) {
    click(browser, By.xpath("//*[normalize-space(text())='Claim']"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private void complete(WebDriver browser, String businessKey, String taskKey, String shot) throws IOException {
    screenshot(browser, shot);
    click(browser, By.xpath("//button[normalize-space(.)='Complete']"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).count() == 0);
  }

  /** The job executor's and the outbox sender's work (both off in the shared context). */
  private void settle(String businessKey) {
    district.runJobs(businessKey);
    for (int i = 0; i < 20 && sender.deliverDue(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
        .attempted() > 0; i++) {
      // until nothing is due
    }
  }

  // --- browser plumbing -----------------------------------------------------------------------------------

  private WebDriver open() throws IOException {
    WebDriver browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-pd"), "1400,1100"));
    browsers.add(browser);
    Files.createDirectories(SCREENSHOTS);
    return browser;
  }

  private void logIn(WebDriver browser, String user) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(baseUrl() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  private static By labelled(String label) {
    return By.xpath("//label[normalize-space(.)=\"" + label + "\" or normalize-space(.)=\"" + label + "*\"]");
  }

  private static void type(WebDriver browser, String label, String text) {
    typeNth(browser, label, 1, text);
  }

  /** Types into the {@code n}-th (1-based) form field with this label (the sessions repeat theirs). */
  private static void typeNth(WebDriver browser, String label, int n, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(labelled(label)));
    WebElement labelElement = browser.findElements(labelled(label)).get(n - 1);
    WebElement input = browser.findElement(By.id(labelElement.getAttribute("for")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    // TAB leaves the field: Camunda Forms commits a field's debounced change on blur, so that it
    // cannot later re-render the next field empty.
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
      if (!text.equals(input.getAttribute("value"))) {
        input.clear();
        input.sendKeys(text, Keys.TAB);
      }
      return text.equals(input.getAttribute("value"));
    });
  }

  /** Picks an option of a Camunda Forms select: its display opens the list, the option is clicked. */
  private static void choose(WebDriver browser, String label, String option) {
    WebElement labelElement = new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(labelled(label)));
    WebElement field = labelElement.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    WebElement display = field.findElement(By.cssSelector(".fjs-input-group"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", display);
    display.click();
    click(browser, By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> field.getText().contains(option));
  }

  private static void click(WebDriver browser, By locator) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private static void waitFor(WebDriver browser, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
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
