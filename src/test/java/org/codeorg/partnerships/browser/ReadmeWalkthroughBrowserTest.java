package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's "Try it in 15 minutes" in a real browser (Debian's headless chromium), on the shared
 * default-profile context: the example application of {@code docs/examples/application.json} (with a
 * district id of its own) from its application to a closed partnership. Two windows: the newcomer
 * logged in as {@code admin}, who reads the district's emails on {@code /demo/mailbox}, follows their
 * links to the district's page and answers there as the district, and moves time on {@code /demo/clock};
 * and the staff's Tasklist, where each staff member logs in and completes their task's form.
 *
 * <p>What is not done in a browser, and why: the job executor is off in the test context, so
 * {@code settle} runs the asynchronous steps after each action and hands the outbox its due emails (the
 * running application does both by itself); "Record signed partnership agreement" is completed over
 * Camunda REST (its date picker); workshops are scheduled with {@code POST /api/workshops}, as the README
 * says (there is no page for it yet); the vendor's confirmation, session attendance, closing the workshop
 * and the counselor's attendance are completed over Camunda REST, and online phases are reported with the
 * API, as the online PD environment would.
 */
@EnabledIf("org.codeorg.partnerships.browser.TasklistAndCockpitBrowserTest#browserAvailable")
class ReadmeWalkthroughBrowserTest extends SpringIntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PD = "pdmanager:pdmanager";

  @Autowired
  OutboxSender sender;
  @Autowired
  Clock clock;

  private final List<WebDriver> browsers = new ArrayList<>();
  private WebDriver admin;
  private WebDriver staff;
  private Http http;
  private DistrictJourney district;
  private String reference;
  private String contact;

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
  }

  @Test
  void fromTheExampleApplicationToAClosedPartnership() throws Exception {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    admin = open();
    staff = open();

    // 1. The district applies with the example application (its own district id: the context is shared).
    ObjectNode application = (ObjectNode) Http.JSON.readTree(Path.of("docs/examples/application.json").toFile());
    String nces = String.valueOf(7_000_000 + (System.nanoTime() % 999_999));
    ((ObjectNode) application.get("district")).put("ncesId", nces).put("name", "Riverbend Unified " + nces);
    contact = "maya.chen" + nces + "@riverbend.k12.ca.us";
    ((ObjectNode) application.get("contact")).put("email", contact);
    ((ObjectNode) application.get("teachers").get(0)).put("email", "lpark" + nces + "@riverbend.k12.ca.us");
    ((ObjectNode) application.get("leaders").get(0)).put("email", "scole" + nces + "@riverbend.k12.ca.us");
    Http.Response applied = http.post("/api/applications", null, application, Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    reference = applied.json().get("reference").asText();
    settle();

    // 2. admin reads the district's first email and follows its link.
    logIn(admin, "tasklist", "admin");
    followDistrictLink("We received your Code.org partnership application (" + reference + ")");
    assertThat(admin.findElement(By.tagName("body")).getText()).contains(reference);
    screenshot(admin, "walk-02-district-page");

    // 3. manager: Review application → accept.
    tasklist("manager", "Task_ReviewApplication", "Review application");
    choose("Accept the district into the program");
    complete("Task_ReviewApplication");

    // 4. manager: Record signed partnership agreement (over REST: the form's date picker).
    assertThat(mailbox("Welcome to the Code.org partnership program (" + reference + "): the partnership terms")).isTrue();
    district.complete(district.openTask(reference, "Task_RecordSignedAgreement", "manager:manager"),
        Map.of("signatoryName", "Dr. Ana Ortiz, Superintendent", "agreementSignedOn", "2026-12-01"),
        "manager:manager");
    settle();

    // 5. The district submits its plan on its page.
    followDistrictLink("Code.org partnership " + reference + ": your comprehensive plan");
    for (String part : List.of("vision", "implementation", "promotion", "communitySupport")) {
      admin.findElement(By.name(part)).sendKeys("Riverbend's " + part + " for computer science.");
    }
    click(admin, By.xpath("//button[normalize-space(.)='Submit the plan']"));
    waitFor(admin, "we received your comprehensive plan");
    settle();

    // 6. manager: Review comprehensive plan → approve.
    tasklist("manager", "Task_ReviewPlan", "Review comprehensive plan");
    choose("Approve the plan");
    complete("Task_ReviewPlan");
    assertThat(stage()).isEqualTo("IMPLEMENTATION");

    // 7. The district guarantees its teacher and reports both sections' set-up on its page.
    followDistrictLink("Code.org partnership " + reference + ": please confirm Lee Park will teach");
    click(admin, By.xpath("//label[normalize-space(.)='Will teach the course next school year']"));
    click(admin, By.xpath("//form[contains(@action,'/commitment')]//button"));
    waitFor(admin, "we recorded the teacher's answer");
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
      click(admin, By.xpath("//form[.//input[@name='" + prefix + "timeSlot']]//button"));
      waitFor(admin, "we received the section's set-up");
      settle();
    }
    screenshot(admin, "walk-07-district-set-up");
    JsonNode detail = detail();
    detail.get("sections").forEach(s -> assertThat(s.get("readiness").asText()).as(s.toString()).isEqualTo("READY"));
    long teacherId = detail.get("professionalDevelopment").get(0).get("teacherId").asLong();

    // 8.–12. PD: online phase 1, summer workshop (phase 2), academic-year workshop (phase 3), online phase 4.
    online(teacherId, 1, 20);
    workshop(2, Instant.parse("2027-07-12T16:00:00Z"), 5, 7);
    workshop(3, Instant.parse("2027-11-29T16:00:00Z"), 5, 6);
    moveTo(Instant.parse("2028-05-15T12:00:00Z"));
    online(teacherId, 4, 15);
    assertThat(mailbox("Your Code.org professional development certificate: 100 hours")).isTrue();
    JsonNode leadership = district.openTask(reference, "Task_RecordLeadershipAttendance", PD);
    tickEveryone(leadership, "presentLeaders", "leaderOptions");
    settle();

    // 13. admin: forward to the end of the school year → evaluation.
    moveTo(Instant.parse("2028-07-02T12:00:00Z"));
    assertThat(stage()).isEqualTo("EVALUATION");

    // 14. The district reports its results on its page.
    followDistrictLink("Code.org partnership " + reference + ": your data for the program evaluation");
    fill(admin, "courses[0].sectionsTaught", "2");
    fill(admin, "courses[0].studentsEnrolled", "56");
    fill(admin, "courses[0].studentsCompleted", "51");
    click(admin, By.xpath("//button[normalize-space(.)='Send the results']"));
    waitFor(admin, "we received your results");
    settle();

    // 15. evaluator: Assess the program.
    tasklist("evaluator", "Task_AssessProgram", "Assess the program");
    type("Assessment of teacher professional development", "Lee Park completed all four phases.");
    type("Assessment of student outcomes", "51 of 56 students completed CSP.");
    type("Conclusions (sent to the district)", "A strong first year.");
    choose("Close the partnership");
    complete("Task_AssessProgram");
    assertThat(mailbox("Code.org partnership " + reference + ": program evaluation report")).isTrue();

    // 16. manager: Close or renew the partnership → closed.
    tasklist("manager", "Task_DecideCloseOrRenew", "Close or renew the partnership");
    choose("Close the partnership");
    complete("Task_DecideCloseOrRenew");
    assertThat(stage()).isEqualTo("CLOSED");
    assertThat(mailbox("Code.org partnership " + reference + " is complete")).isTrue();
    screenshot(admin, "walk-16-closed");
  }

  // --- the newcomer's window: mailbox, district page, demo clock -------------------------------------------

  /** Opens the newest email with this subject to the district's contact, then the district link in it. */
  private void followDistrictLink(String subject) throws IOException {
    openEmail(subject);
    WebElement link = admin.findElement(By.xpath("//ul[@class='links']//a[contains(@href,'/district/partnerships/')]"));
    // The emails' links start with partnership.mail.public-base-url (http://localhost:8080, as on
    // mvn spring-boot:run); the test's server listens on a random port.
    String href = link.getAttribute("href");
    assertThat(href).startsWith("http://localhost:8080/district/partnerships/" + reference + "?token=");
    admin.get(href.replace("http://localhost:8080", baseUrl()));
    waitFor(admin, reference);
  }

  private void openEmail(String subject) {
    admin.get(baseUrl() + "/demo/mailbox?to=" + contact);
    click(admin, By.xpath("(//a[starts-with(normalize-space(.), \"" + subject + "\")])[1]"));
    waitFor(admin, "Links");
  }

  /** Whether the mailbox lists an email with this subject (any recipient of this district). */
  private boolean mailbox(String subject) {
    admin.get(baseUrl() + "/demo/mailbox");
    return admin.findElement(By.tagName("body")).getText().contains(subject);
  }

  /** "Move time forward" on /demo/clock to the given day (whole days, at least one). */
  private void moveTo(Instant when) throws IOException {
    long days = Math.max(1, Duration.between(clock.instant(), when).toDays() + 1);
    admin.get(baseUrl() + "/demo/clock");
    fill(admin, "days", String.valueOf(days));
    click(admin, By.xpath("//button[normalize-space(.)='Move time forward']"));
    waitFor(admin, "Timers fired");
    screenshot(admin, "walk-clock-" + when.toString().substring(0, 10));
    settle();
  }

  // --- staff in Tasklist ------------------------------------------------------------------------------------

  private void tasklist(String user, String taskKey, String name) {
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).singleResult().getId();
    staff.manage().deleteAllCookies();
    logIn(staff, "tasklist", user);
    staff.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    new WebDriverWait(staff, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));
    click(staff, By.xpath("//*[normalize-space(text())='Claim']"));
    new WebDriverWait(staff, Duration.ofSeconds(30))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private void complete(String taskKey) throws IOException {
    screenshot(staff, "walk-" + taskKey);
    click(staff, By.xpath("//button[normalize-space(.)='Complete']"));
    new WebDriverWait(staff, Duration.ofSeconds(30)).until(driver -> processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).count() == 0);
    settle();
  }

  /** Picks the radio option with this label in the Tasklist form, and checks that it is picked. */
  private void choose(String option) {
    By label = By.xpath("//label[normalize-space(.)='" + option + "']");
    click(staff, label);
    WebElement labelElement = staff.findElement(label);
    String inputId = labelElement.getAttribute("for");
    WebElement input = inputId != null && !inputId.isBlank() ? staff.findElement(By.id(inputId))
        : labelElement.findElement(By.tagName("input"));
    new WebDriverWait(staff, Duration.ofSeconds(10)).until(driver -> {
      if (!input.isSelected()) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", input);
      }
      return input.isSelected();
    });
  }

  private void type(String label, String text) {
    By field = By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']");
    WebElement labelElement = new WebDriverWait(staff, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(field));
    WebElement input = staff.findElement(By.id(labelElement.getAttribute("for")));
    input.clear();
    input.sendKeys(text);
  }

  // --- steps without a page yet: the API, as the README says ---------------------------------------------

  private void online(long teacherId, int phase, int hours) {
    Http.Response reported = http.post("/api/partnerships/" + reference + "/teachers/" + teacherId + "/pd-phases/"
        + phase + "/completion", PD, Map.of("hours", hours), Map.of());
    assertThat(reported.status()).as(reported.body()).isEqualTo(202);
    settle();
  }

  /** Scheduled with POST /api/workshops 30 days ahead; time moved on /demo/clock; tasks completed over REST. */
  private void workshop(int phase, Instant firstSession, int sessions, int hoursEach) throws IOException {
    moveTo(firstSession.minus(Duration.ofDays(30)));
    List<Map<String, String>> times = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      Instant start = firstSession.plus(Duration.ofDays(i));
      times.add(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(hoursEach)).toString()));
    }
    Http.Response scheduled = http.post("/api/workshops", PD, Map.of("course", "CSP", "phase", phase, "region", "CA",
        "location", "Riverbend Learning Center", "capacity", 30, "sessions", times), Map.of());
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String workshop = scheduled.json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", PD),
        Map.of("vendorConfirmation", "CATER-" + workshop), PD);
    district.runJobs(workshop);
    moveTo(firstSession.plus(Duration.ofDays(sessions)));
    for (int i = 0; i < sessions; i++) {
      JsonNode session = district.openTask(workshop, "Task_RecordSessionAttendance", PD);
      district.takeOver(session, PD);
      tickEveryone(session, "presentTeachers", "attendanceOptions");
    }
    district.complete(district.openTask(workshop, "Task_CloseWorkshop", PD), Map.of("attendanceConfirmed", true), PD);
    district.runJobs(workshop);
    settle();
    assertThat(mailbox("You are enrolled: ")).isTrue();
  }

  // --- plumbing ---------------------------------------------------------------------------------------------

  /**
   * Ticks every name of an attendance checklist and submits it as Tasklist does: the options are the
   * task's Json variable {@code valuesKey}, the answer a Json list of their values.
   */
  private void tickEveryone(JsonNode task, String key, String valuesKey) throws IOException {
    String taskId = task.get("id").asText();
    Http.Response options = http.get("/engine-rest/task/" + taskId + "/variables/" + valuesKey + "?deserializeValue=false", PD);
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    List<String> everyone = new ArrayList<>();
    Http.JSON.readTree(options.json().get("value").asText()).forEach(option -> everyone.add(option.get("value").asText()));
    assertThat(everyone).isNotEmpty();
    Http.Response done = http.post("/engine-rest/task/" + taskId + "/submit-form", PD, Map.of("variables",
        Map.of(key, Map.of("value", Http.JSON.writeValueAsString(everyone), "type", "Json"))), Map.of());
    assertThat(done.status()).as(done.body()).isIn(200, 204);
  }

  /** The job executor's and the outbox sender's work (both off in the test context). */
  private void settle() {
    district.runJobs(reference);
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

  private WebDriver open() throws IOException {
    WebDriver browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-walk"), "1400,1100"));
    browsers.add(browser);
    Files.createDirectories(SCREENSHOTS);
    return browser;
  }

  private void logIn(WebDriver browser, String app, String user) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(baseUrl() + "/camunda/app/" + app + "/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  private static void fill(WebDriver browser, String name, String text) {
    WebElement input = browser.findElement(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  private static void click(WebDriver browser, By locator) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private static void waitFor(WebDriver browser, String text) {
    // The page is replaced while it is read (a form posts and redirects): chromedriver then answers
    // "Node … does not belong to the document", which is not a stale-element exception; read again.
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
