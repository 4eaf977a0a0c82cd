package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.PartnershipRepository;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product in a real browser (Debian's headless chromium): a district applies on its web page
 * at a phone's width (a server-side error shown next to its field, then accepted); a partnership
 * manager completes "Review application" and a facilitator records a workshop session's attendance in Tasklist through their
 * Camunda Forms, and an administrator sees every process diagram in Cockpit. Screenshots go to {@code target/screenshots/}. Runs where
 * {@code /usr/bin/chromedriver} exists; CI installs it and sets REQUIRE_BROWSER=true so that a
 * missing browser fails instead of skipping.
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class TasklistAndCockpitBrowserTest extends SpringIntegrationTest {


  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  OutboxSender sender;

  private WebDriver browser;
  private WebDriverWait wait;
  private TasklistBrowser tasklist;

  @BeforeEach
  void openBrowser() throws IOException {
    browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-profile"), "1400,1100"));
    wait = TasklistBrowser.waiting(browser, Duration.ofSeconds(30));
    tasklist = new TasklistBrowser(browser, baseUrl(), processEngine);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aDistrictAppliesInTheBrowserAndAManagerAcceptsInTasklist() throws IOException {
    Map<String, Object> application = TestApplications.startForm();
    String school = (String) application.get("schoolName");
    browser.manage().window().setSize(new Dimension(390, 1800));   // a phone's width
    browser.get(baseUrl() + "/district/apply");
    fill("district.name", (String) application.get("districtName"));
    fill("district.ncesId", (String) application.get("districtNcesId"));
    fill("district.state", "CA");
    fill("contact.name", (String) application.get("contactName"));
    fill("contact.email", (String) application.get("contactEmail"));
    fill("schools[0].name", school);
    choose("schools[0].level", "HIGH");
    choose("courses[0].course", "CSP");
    choose("courses[0].school", school);   // the schools typed above, filled in by rows.js
    fill("courses[0].sections", "2");
    fill("teachers[0].name", (String) application.get("teacherName"));
    fill("teachers[0].email", (String) application.get("teacherEmail"));
    choose("teachers[0].school", school);
    choose("teachers[0].course", "ECS");   // not offered at the school: only the server can tell
    choose("technology.oneToOneComputing", "true");
    fill("technology.bandwidthMbps", "25");
    browser.findElement(By.xpath("//button[normalize-space(.)='Send the application']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    assertThat(browser.findElement(By.id("teachers-0-course-error")).getText()).contains("ECS is not offered");
    screenshot("district-apply-errors");
    choose("teachers[0].course", "CSP");
    browser.findElement(By.xpath("//button[normalize-space(.)='Send the application']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Application received"));
    screenshot("district-applied");
    String reference = browser.findElement(By.cssSelector("p.notice strong")).getText();
    browser.manage().window().setSize(new Dimension(1400, 1100));
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();

    tasklist.logIn("tasklist", "manager");
    tasklist.openTask(taskId, "Review application " + reference);
    tasklist.claim().choose("Accept the district into the program").complete("tasklist-review-application");
    screenshot("tasklist-after-review");
    processEngine.getManagementService().createJobQuery().processInstanceId(
            processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId())
        .executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    assertThat(partnerships.findByReference(reference).orElseThrow().getStage().name()).isEqualTo("TERMS_SIGNATURE");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .singleResult().getTaskDefinitionKey()).isEqualTo("Task_RecordSignedAgreement");
    assertThat(new Http(baseUrl()).get("/api/partnerships/" + reference + "/emails", "manager:manager").body())
        .contains("APPLICATION_RECEIVED", "APPLICATION_ACCEPTED");
  }

  private void fill(String name, String text) {
    WebElement input = browser.findElement(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  private void choose(String name, String value) {
    new Select(browser.findElement(By.name(name))).selectByValue(value);
  }

  /**
   * A facilitator records a workshop session's attendance in Tasklist by ticking the enrolled
   * teacher's name in the checklist; the completion (Tasklist submits the ticks as a Json variable,
   * checked against the options on the server) writes the attendance.
   */
  @Test
  void aFacilitatorRecordsSessionAttendanceInTasklist() throws IOException {
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    DistrictJourney.Approved approved = district.run();
    String reference = approved.reference();
    String teacherId = http.get("/api/partnerships/" + reference, "pdmanager:pdmanager").json()
        .get("professionalDevelopment").get(0).get("teacherId").asText();
    http.post("/api/partnerships/" + reference + "/teachers/" + teacherId + "/commitment", null,
        Map.of("commits", true), Map.of("X-Partnership-Token", approved.token()));
    district.runJobs(reference);
    http.post("/api/partnerships/" + reference + "/teachers/" + teacherId + "/pd-phases/1/completion",
        "pdmanager:pdmanager", Map.of("hours", 20), Map.of());
    district.runJobs(reference);
    PdJourney.travelTo(Instant.parse("2027-06-01T12:00:00Z"));
    String workshop = http.post("/api/workshops", "pdmanager:pdmanager", Map.of("course", "CSP", "phase", 2,
        "region", "CA", "location", "Browser Test Center", "capacity", 30, "sessions",
        List.of(Map.of("startsAt", "2027-07-26T16:00:00Z", "endsAt", "2027-07-26T23:00:00Z"))), Map.of())
        .json().get("reference").asText();
    district.runJobs(workshop);
    district.complete(district.openTask(workshop, "Task_RecordVendorConfirmation", "pdmanager:pdmanager"),
        Map.of("vendorConfirmation", "CATER-BROWSER"), "pdmanager:pdmanager");
    district.runJobs(workshop);
    PdJourney.travelTo(Instant.parse("2027-07-27T12:00:00Z"));
    district.runJobs(workshop);
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(workshop)
        .taskDefinitionKey("Task_RecordSessionAttendance").singleResult().getId();

    tasklist.logIn("tasklist", "facilitator");
    tasklist.openTask(taskId, "Attendance: session 1");
    String teacher = http.get("/api/workshops/" + workshop, "pdmanager:pdmanager").json().get("seats").get(0)
        .get("teacher").asText();
    // The checklist lists the enrolled teacher by name (options from the Json variable, valuesKey); tick them.
    tasklist.formEnabled().tick(teacher + " (" + reference).complete("tasklist-session-attendance");
    screenshot("tasklist-after-attendance");
    assertThat(http.get("/api/workshops/" + workshop, "pdmanager:pdmanager").json().get("seats").get(0)
        .get("sessionsAttended").toString()).isEqualTo("[1]");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(workshop).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_CloseWorkshop");
    // Closed, so that it takes no seat of a later test's teacher in the same region (the walkthrough's).
    district.complete(district.openTask(workshop, "Task_CloseWorkshop", "pdmanager:pdmanager"),
        Map.of("attendanceConfirmed", true), "pdmanager:pdmanager");
    district.runJobs(workshop);
  }

  /**
   * A district liaison records a section's set-up in Tasklist (the sample partnership in
   * implementation has one open per section, and other tests may have left more); the readiness
   * decision finds it ready.
   */
  @Test
  void aLiaisonRecordsASectionsSetUpInTasklist() throws IOException {
    org.camunda.bpm.engine.task.Task task = processEngine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_RecordSectionReadiness").list().get(0);
    String instanceId = task.getProcessInstanceId();
    String reference = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getBusinessKey();

    String section = (String) processEngine.getTaskService().getVariable(task.getId(), "sectionLabel");

    tasklist.logIn("tasklist", "liaison");
    tasklist.openTask(task.getId(), "Set-up of " + section);
    tasklist.claim().type("Time slot on the master schedule", "Period 4").type("Room", "C-110").type("Course code", "ECS-9")
        .tick("Every student has a computer").type("Internet connectivity (Mb/s)", "40")
        .tick("The course materials are in place").type("Materials cost per class ($)", "85")
        .complete("tasklist-section-setup");
    screenshot("tasklist-after-section-setup");
    new DistrictJourney(new Http(baseUrl()), processEngine, sender, "manager:manager").runJobs(reference);
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_SectionReady");
  }

  @Test
  void anAdministratorSeesEveryProcessDiagramInCockpit() throws IOException {
    tasklist.logIn("cockpit", "admin");
    Map<String, List<String>> elements = Map.of(
        "partnership-lifecycle", List.of("Task_ReviewApplication", "Task_ReviewPlan", "Task_DecideEscalatedPlan",
            "CallActivity_SecondaryTeacherPd", "CallActivity_LeadershipPd", "CallActivity_ClassroomSetup",
            "CallActivity_ProgramEvaluation", "EndEvent_PartnershipClosed"),
        "professional-development", List.of("Task_ConfirmTeacherCommitment", "Task_WaitForPhaseReport",
            "Task_DecideMissedPhase", "EndEvent_PdCompleted"),
        "pd-workshop", List.of("SubProcess_BeforeWorkshop", "Timer_TenDaysBefore", "Task_RecordSessionAttendance",
            "EndEvent_WorkshopClosed"),
        "leadership-pd", List.of("Task_RecordLeadershipAttendance", "EndEvent_LeadershipPdCompleted"),
        "classroom-setup", List.of("Task_RecordSectionReadiness", "Task_AssessReadiness", "Task_ApproveMaterialsCost",
            "EndEvent_SectionDropped"),
        "program-evaluation", List.of("Task_RecordEvaluationData", "Task_AssessProgram", "EndEvent_ProgramEvaluated"));
    for (Map.Entry<String, List<String>> process : elements.entrySet()) {
      String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(process.getKey()).latestVersion().singleResult().getId();
      browser.get(baseUrl() + "/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
      for (String element : process.getValue()) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-element-id='" + element + "']")));
      }
      screenshot("cockpit-" + process.getKey());
    }
  }

  private void screenshot(String name) {
    TasklistBrowser.screenshot(browser, name);
  }
}
