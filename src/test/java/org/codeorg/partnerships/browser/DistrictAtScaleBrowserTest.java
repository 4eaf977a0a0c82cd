package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TasklistBrowser;
import org.codeorg.partnerships.support.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district at real size in a real browser (Debian's headless chromium, at a phone's width): 12
 * schools and their courses typed into rows added in place, 40 teachers from a roster whose bad row
 * is shown at its row and then fixed; the application accepted and the plan approved over the staff
 * API; one teacher's first PD phase reported by a PD manager in Tasklist ("Report online PD
 * completions"); the district's page and PD hours report show the hours. Then the rest of that
 * teacher's PD as the application runs it — two workshops in the district's region (scheduled,
 * attended and closed over the staff API, as {@link PdJourney} does) and the online capstone reported
 * in Tasklist — after which the process issues the certificate: the PDF (text read with PDFBox) states
 * the 100 hours, as its email attachment does; the public verification page shows it and an unknown
 * code is a 404. The district is in Oregon so that other tests' waiting teachers take no seat in its
 * workshops. Screenshots go to {@code target/screenshots/}.
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class DistrictAtScaleBrowserTest extends SpringIntegrationTest {

  private static final int SCHOOLS = 12;
  private static final int TEACHERS = 40;

  @Autowired
  OutboxSender sender;
  @Autowired
  TeacherRepository teachers;
  @Autowired
  TransactionTemplate transactions;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-profile"), "390,1800"));
    wait = TasklistBrowser.waiting(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aDistrictWithTwelveSchoolsAndFortyTeachersAppliesAndSeesItsTeachersHoursAndCertificate() throws Exception {
    Map<String, Object> start = TestApplications.startForm();
    String n = (String) start.get("districtNcesId");
    String contact = (String) start.get("contactEmail");
    browser.manage().window().setSize(new Dimension(390, 1800));   // a phone's width
    browser.get(baseUrl() + "/district/apply");
    assertThat(browser.findElement(By.id("limits")).getText()).contains("100 schools", "2000 teachers");
    fill("district.name", (String) start.get("districtName"));
    fill("district.ncesId", n);
    fill("district.state", "OR");
    fill("contact.name", (String) start.get("contactName"));
    fill("contact.email", contact);

    // Rows are added in place: the page is not reloaded (the marker set by this test stays).
    js("window.stillTheSamePage = true;");
    addRows("schools", SCHOOLS);
    addRows("courses", SCHOOLS);
    assertThat(js("return window.stillTheSamePage === true;")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("#schools .row[data-row]"))).hasSize(SCHOOLS);
    for (int i = 0; i < SCHOOLS; i++) {
      fill("schools[" + i + "].name", school(i, n));
      choose("schools[" + i + "].level", "HIGH");
    }
    for (int i = 0; i < SCHOOLS; i++) {
      choose("courses[" + i + "].course", "CSP");
      choose("courses[" + i + "].school", school(i, n));   // offered from the schools typed above
      fill("courses[" + i + "].sections", "1");
    }
    choose("technology.oneToOneComputing", "true");
    fill("technology.bandwidthMbps", "50");
    assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling at 390 px")
        .isEqualTo(true);
    screenshot("district-scale-rows");

    // A roster with a bad email at row 7: shown at its row, nothing taken, the error summary has the focus.
    Path roster = Files.createTempFile("teachers", ".csv");
    Files.writeString(roster, roster(n, 7), StandardCharsets.UTF_8);
    browser.findElement(By.id("teacherRoster")).sendKeys(roster.toAbsolutePath().toString());
    browser.findElement(By.xpath("//button[normalize-space(.)='Upload the roster']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    assertThat(browser.findElement(By.id("teacherRoster-error")).getText())
        .contains("row 7, email: must be an email address");
    assertThat(browser.findElement(By.id("teacherRoster")).getAttribute("aria-describedby")).isEqualTo("teacherRoster-error");
    assertThat(js("return document.activeElement.id;")).isEqualTo("error-summary");
    assertThat(browser.findElement(By.name("schools[11].name")).getAttribute("value")).as("typed rows kept")
        .isEqualTo(school(11, n));
    assertThat(browser.findElement(By.name("teachers[0].name")).getAttribute("value")).as("nothing taken").isEmpty();
    screenshot("district-scale-roster-error");

    // Fixed and uploaded again: 40 teacher rows, each school chosen from the schools entered.
    Files.writeString(roster, roster(n, -1), StandardCharsets.UTF_8);
    browser.findElement(By.id("teacherRoster")).sendKeys(roster.toAbsolutePath().toString());
    browser.findElement(By.xpath("//button[normalize-space(.)='Upload the roster']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Added from the roster: 40 teacher rows"));
    assertThat(browser.findElement(By.name("teachers[39].email")).getAttribute("value")).isEqualTo(email(39, n));
    assertThat(new Select(browser.findElement(By.name("teachers[39].school"))).getFirstSelectedOption().getText())
        .isEqualTo(school(39 % SCHOOLS, n));
    screenshot("district-scale-roster-taken");
    browser.findElement(By.xpath("//button[normalize-space(.)='Send the application' and not(@tabindex)]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Application received"));
    String reference = browser.findElement(By.cssSelector("p.notice strong")).getText();

    // Staff accept, the agreement is signed, the plan approved (over the staff API, as DistrictJourney does).
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    String token = district.tokenOf(contact, reference);
    district.complete(district.openTask(reference, "Task_ReviewApplication"), Map.of("reviewDecision", "ACCEPT"));
    runJobs(reference);
    district.complete(district.openTask(reference, "Task_RecordSignedAgreement"),
        Map.of("signatoryName", "Dr. Ada Lovelace, Superintendent", "agreementSignedOn", "2027-03-15"));
    runJobs(reference);
    Map<String, String> plan = Map.of("vision", "CS for all", "implementation", "CSP in twelve high schools",
        "promotion", "Family nights", "communitySupport", "Local employers");
    assertThat(http.post("/api/partnerships/" + reference + "/plan", null, plan, Map.of("X-Partnership-Token", token))
        .status()).isEqualTo(202);
    district.complete(district.openTask(reference, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
    runJobs(reference);
    JsonNode detail = http.get("/api/partnerships/" + reference, "manager:manager").json();
    assertThat(detail.get("stage").asText()).isEqualTo("IMPLEMENTATION");
    assertThat(detail.get("professionalDevelopment")).hasSize(TEACHERS);
    assertThat(detail.get("sections")).hasSize(SCHOOLS);

    // A simulated PD phase for the third teacher: the district guarantees them, the online phase is reported.
    long teacherId = -1;
    for (JsonNode t : detail.get("professionalDevelopment")) {
      if (t.get("name").asText().equals(teacher(2))) {
        teacherId = t.get("teacherId").asLong();
      }
    }
    assertThat(teacherId).isPositive();
    String base = "/api/partnerships/" + reference + "/teachers/" + teacherId;
    assertThat(http.post(base + "/commitment", null, Map.of("commits", true), Map.of("X-Partnership-Token", token))
        .status()).isEqualTo(202);
    runJobs(reference);
    reportOnline(email(2, n), 1, 20);
    runJobs(reference);

    String page = baseUrl() + "/district/partnerships/" + reference + "?token=" + token;
    browser.get(page);
    WebElement row = browser.findElement(By.cssSelector("#pd-teachers tr[data-teacher='" + teacherId + "']"));
    assertThat(row.getText()).contains(teacher(2), "Confirmed", "Phase 2");
    assertThat(row.findElement(By.cssSelector("td.hours")).getText()).isEqualTo("20 of 100");
    assertThat(browser.findElements(By.cssSelector("#pd-teachers tbody tr"))).hasSize(TEACHERS);
    assertThat(browser.findElement(By.id("section-status")).getText()).contains("Not reported yet");
    assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
    js("document.getElementById('pd-teachers').scrollIntoView();");
    screenshot("district-scale-partnership");

    // The PD hours report: printable page and CSV (BOM, one row per completed phase).
    browser.findElement(By.id("pd-hours-link")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pd-hours")));
    assertThat(browser.findElement(By.id("pd-hours")).getText()).contains(teacher(2), "Online", "20");
    assertThat(browser.findElement(By.id("pd-hours-total")).getText()).contains("total hours: 20");
    screenshot("district-scale-pd-hours");
    HttpResponse<byte[]> csv = http.getBytes("/district/partnerships/" + reference + "/pd-hours.csv?token=" + token);
    assertThat(csv.statusCode()).isEqualTo(200);
    String csvText = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(csvText).startsWith("\uFEFFTeacher,Email,School,Course,Phase,");
    assertThat(csvText.lines().toList()).hasSize(2);
    assertThat(csvText.lines().toList().get(1)).startsWith(teacher(2) + "," + email(2, n)).endsWith(",20");

    // The rest of the teacher's PD: the summer workshop (5 × 7 h) and the academic-year workshop (5 × 6 h) in
    // Oregon, then the online capstone (15 h); the process issues the certificate at the end.
    PdJourney pd = new PdJourney(http, processEngine, district, "pdmanager:pdmanager");
    pd.runWorkshop("OR", "CSP", 2, Instant.parse("2027-07-12T16:00:00Z"), 5, 7, 30, List.of(email(2, n)), List.of(), 30);
    runJobs(reference);
    pd.runWorkshop("OR", "CSP", 3, Instant.parse("2027-11-08T16:00:00Z"), 5, 6, 30, List.of(email(2, n)), List.of(), 30);
    runJobs(reference);
    PdJourney.travelTo(Instant.parse("2028-05-15T12:00:00Z"));
    reportOnline(email(2, n), 4, 15);
    runJobs(reference);
    long id = teacherId;
    String code = transactions.execute(s -> teachers.findById(id).orElseThrow().getCertificateCode());
    assertThat(code).as("the certificate's verification code").matches("[A-Za-z0-9_-]{22}");

    browser.get(page);
    String pdfUrl = browser.findElement(By.cssSelector("#pd-teachers tr[data-teacher='" + teacherId + "'] a.certificate"))
        .getAttribute("href");
    HttpResponse<byte[]> pdf = http.getBytes(pdfUrl.substring(baseUrl().length()));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    String text = pdfText(pdf.body());
    assertThat(text).contains(teacher(2), "Computer Science Principles", "Phase 1", "Phase 4", "Total: 100 hours",
        "Districts may count these hours toward their annual professional development requirements", code);
    assertThat(http.getBytes(pdfUrl.substring(baseUrl().length()).replace("token=", "token=x")).statusCode())
        .as("wrong token").isEqualTo(404);

    MimeMessage email = district.deliveredTo(email(2, n), "Your Code.org professional development certificate: 100 hours");
    assertThat(pdfText(attachedPdf(email))).contains("Total: 100 hours", code);
    assertThat(DistrictJourney.plainText(email)).contains("/certificates/" + code);

    // The public verification page: name, course, hours, date only; an unknown code is a 404 page.
    browser.get(baseUrl() + "/certificates/" + code);
    assertThat(browser.findElement(By.id("teacher")).getText()).isEqualTo(teacher(2));
    assertThat(browser.findElement(By.id("hours")).getText()).isEqualTo("100");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(email(2, n), reference);
    screenshot("district-scale-certificate-verified");
    String unknown = code.substring(0, 21) + (code.charAt(21) == 'A' ? 'B' : 'A');
    browser.get(baseUrl() + "/certificates/" + unknown);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Certificate not found");
    assertThat(http.get("/certificates/" + unknown, null).status()).isEqualTo(404);
  }

  /** Clicks "Add … rows" until the list has {@code rows} rows (rows.js adds one per click). */
  private void addRows(String list, int rows) {
    WebElement add = browser.findElement(By.cssSelector("#" + list + " button.add-rows"));
    while (browser.findElements(By.cssSelector("#" + list + " .row[data-row]")).size() < rows) {
      int before = browser.findElements(By.cssSelector("#" + list + " .row[data-row]")).size();
      js("arguments[0].scrollIntoView({block: 'center'});", add);
      add.click();
      wait.until(d -> d.findElements(By.cssSelector("#" + list + " .row[data-row]")).size() == before + 1);
    }
  }

  /** 40 teachers over the 12 schools, all CSP; {@code badRow} (as a spreadsheet numbers it) gets a bad email. */
  private static String roster(String n, int badRow) {
    StringBuilder csv = new StringBuilder("name,email,school,course\n");
    for (int i = 0; i < TEACHERS; i++) {
      String email = i + 2 == badRow ? "teacher" + i + " at district" : email(i, n);
      csv.append(teacher(i)).append(',').append(email).append(',').append(school(i % SCHOOLS, n)).append(",CSP\n");
    }
    return csv.toString();
  }

  private static String school(int i, String n) {
    return "Scale High " + (i + 1) + " of " + n;
  }

  private static String teacher(int i) {
    return "Teacher Number " + (i + 1);
  }

  private static String email(int i, String n) {
    return "t" + (i + 1) + "." + n + "@scale.k12.test";
  }

  /**
   * pdmanager reports the teacher's online phase in Tasklist (Start process → "Report online PD
   * completions"), completed today, in a desktop-wide window; the window goes back to a phone's width.
   */
  private void reportOnline(String teacherEmail, int phase, int hours) {
    browser.manage().window().setSize(new Dimension(1400, 1100));
    TasklistBrowser tasklist = new TasklistBrowser(browser, baseUrl(), processEngine).logIn("tasklist", "pdmanager");
    tasklist.reportOnlineCompletion(teacherEmail, "Computer Science Principles (AP)", phase,
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC), hours, "district-scale-online-" + phase);
    browser.manage().window().setSize(new Dimension(390, 1800));
  }

  /**
   * The due jobs of the partnership's instances (40 teachers' PD and 12 sections' set-up among them),
   * then the outbox drained: the sender takes a batch at a time, and the 40 teachers' emails would
   * otherwise keep a later email to one teacher waiting.
   */
  private void runJobs(String reference) {
    runDueJobs(reference);
    while (sender.deliverDue(ClockUtil.getCurrentTime().toInstant()).attempted() > 0) {
      // drain the outbox
    }
  }

  private void runDueJobs(String reference) {
    for (int guard = 0; guard < 5000; guard++) {
      List<String> instances = processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(reference).list().stream().map(i -> i.getId()).toList();
      List<Job> jobs = instances.isEmpty() ? List.of() : processEngine.getManagementService().createJobQuery()
          .processInstanceIds(new java.util.HashSet<>(instances)).executable().orderByJobDuedate().asc().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      processEngine.getManagementService().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("Jobs of " + reference + " keep creating due jobs");
  }

  private static byte[] attachedPdf(Part part) throws Exception {
    if (part.isMimeType("application/pdf")) {
      return part.getInputStream().readAllBytes();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        byte[] found = attachedPdf(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String pdfText(byte[] pdf) throws IOException {
    assertThat(pdf).as("a PDF").isNotNull();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void fill(String name, String text) {
    WebElement input = browser.findElement(By.name(name));
    js("arguments[0].scrollIntoView({block: 'center'});", input);
    input.clear();
    input.sendKeys(text);
  }

  private void choose(String name, String value) {
    new Select(browser.findElement(By.name(name))).selectByValue(value);
  }

  private void screenshot(String name) {
    TasklistBrowser.screenshot(browser, name);
  }
}
