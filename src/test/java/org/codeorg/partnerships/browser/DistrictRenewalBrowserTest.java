package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.School;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal form in a real browser (Debian's headless chromium, at a phone's width): a district with two high
 * schools is renewed; from its link it removes one school (its course row and, after the error shown next to the
 * teacher, its teacher too), adds a middle school, its course and a new teacher in rows added in place (the page is
 * not reloaded), and confirms. The page then says the renewal is being reviewed, and the next school year's
 * partnership holds the changed schools, sections and teachers (staff API and the database). Screenshots in
 * {@code target/screenshots/}.
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class DistrictRenewalBrowserTest extends SpringIntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired
  OutboxSender sender;
  @Autowired
  PartnershipRenewals renewals;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  TransactionTemplate transactions;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    browser = Chromium.start(Chromium.options(Files.createTempDirectory("chromium-profile"), "390,1800"));
    wait = TasklistBrowser.waiting(browser, Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theDistrictRemovesASchoolAddsASchoolAndATeacherInPlaceAndConfirms() throws Exception {
    Map<String, Object> application = Http.application();
    String n = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");
    String north = "North High " + n;
    String south = "South High " + n;
    String added = "Lake Middle " + n;
    application.put("schools", List.of(Map.of("name", north, "level", "HIGH"), Map.of("name", south, "level", "HIGH")));
    application.put("courses", List.of(Map.of("course", "CSP", "school", north, "sections", 2),
        Map.of("course", "ECS", "school", south, "sections", 1)));
    application.put("teachers", List.of(
        Map.of("name", "Nora North", "email", "nora." + n + "@k12.test", "school", north, "course", "CSP"),
        Map.of("name", "Sam South", "email", "sam." + n + "@k12.test", "school", south, "course", "ECS")));
    application.put("leaders", List.of(Map.of("name", "Cole Counselor", "email", "cole." + n + "@k12.test",
        "school", south, "role", "COUNSELOR")));
    Http http = new Http(baseUrl());
    Http.Response applied = http.post("/api/applications", null, application, Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    String reference = applied.json().get("reference").asText();
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    district.runJobs(reference);
    String token = district.tokenOf(contact, reference);
    Long id = partnerships.findByReference(reference).orElseThrow().getId();
    String next = transactions.execute(s -> renewals.startNextYear(id)).orElseThrow();
    district.runJobs(next);

    browser.get(baseUrl() + "/district/partnerships/" + next + "?token=" + token);
    assertThat(browser.findElement(By.id("renewal-heading")).getText()).contains("2028-2029");
    assertThat(value("schools[0].name")).isEqualTo(north);
    assertThat(value("schools[1].name")).isEqualTo(south);
    assertThat(selected("sections[1].school")).isEqualTo(south);
    assertThat(value("sections[0].sections")).isEqualTo("2");

    // In place (the marker set here survives): South High and its course row removed, a school, a course and a
    // teacher added, the new rows' school lists offering the school just typed.
    js("window.stillTheSamePage = true;");
    remove("schools", 1);
    remove("sections", 1);
    int schoolRow = addRow("schools");
    fill("schools[" + schoolRow + "].name", added);
    choose("schools[" + schoolRow + "].level", "MIDDLE");
    int courseRow = addRow("sections");
    choose("sections[" + courseRow + "].course", "CS_ALGEBRA");
    choose("sections[" + courseRow + "].school", added);
    fill("sections[" + courseRow + "].sections", "1");
    int teacherRow = addRow("newTeachers");
    assertThat(teacherRow).as("after the ten empty rows").isEqualTo(10);
    fill("newTeachers[" + teacherRow + "].name", "Lee Lake");
    fill("newTeachers[" + teacherRow + "].email", "lee." + n + "@k12.test");
    choose("newTeachers[" + teacherRow + "].school", added);
    choose("newTeachers[" + teacherRow + "].course", "CS_ALGEBRA");
    assertThat(new Select(browser.findElement(By.name("newTeachers[0].school"))).getOptions()).extracting(WebElement::getText)
        .contains(north, added).doesNotContain(south);
    assertThat(js("return window.stillTheSamePage === true;")).isEqualTo(true);
    assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling at 390 px")
        .isEqualTo(true);
    screenshot("district-renewal-rows");

    // Sam South still "returns" to a school no longer listed: the error next to his answer, what was typed kept.
    confirm();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    assertThat(browser.findElement(By.id("teachers-1-keep-error")).getText())
        .contains("Sam South teaches at " + south + ", which is no longer among the schools");
    assertThat(js("return document.activeElement.id;")).isEqualTo("error-summary");
    assertThat(value("schools[" + schoolRow + "].name")).isEqualTo(added);
    assertThat(value("newTeachers[" + teacherRow + "].name")).isEqualTo("Lee Lake");
    assertThat(selected("newTeachers[" + teacherRow + "].school")).isEqualTo(added);
    String stageAfterError = transactions.execute(s -> partnerships.findByReference(next).orElseThrow().getStage().name());
    assertThat(stageAfterError).as("nothing written").isEqualTo("RENEWAL_CONFIRMATION");
    screenshot("district-renewal-error");

    js("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id("teachers-1-keep-no")));
    browser.findElement(By.id("teachers-1-keep-no")).click();
    confirm();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Thank you: we received your teachers and sections for the next school year."));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("A partnership manager is reviewing the renewal");
    assertThat(browser.findElements(By.id("renewal-heading"))).as("the form is gone").isEmpty();
    screenshot("district-renewal-confirmed");

    JsonNode detail = http.get("/api/partnerships/" + next, "manager:manager").json();
    assertThat(detail.get("stage").asText()).isEqualTo("RENEWAL_REVIEW");
    assertThat(detail.get("professionalDevelopment").findValuesAsText("name")).containsExactlyInAnyOrder("Nora North",
        "Lee Lake");
    assertThat(detail.get("sections").findValuesAsText("school")).containsExactlyInAnyOrder(north, north, added);
    record Stored(List<String> schools, List<String> teachers, List<String> leaders, List<String> sections) {
    }
    Stored stored = transactions.execute(s -> {
      Partnership p = partnerships.findByReference(next).orElseThrow();
      return new Stored(p.getSchools().stream().map(x -> x.getName() + ":" + x.getLevel()).toList(),
          p.getTeachers().stream().map(t -> t.getName() + "@" + t.getSchool().getName() + ":" + t.getCourse()).toList(),
          p.getLeaders().stream().map(l -> l.getName()).toList(),
          p.getSections().stream().map(x -> x.getCourse() + "@" + x.getSchool().getName()).toList());
    });
    assertThat(stored.schools()).containsExactlyInAnyOrder(north + ":HIGH", added + ":MIDDLE");
    assertThat(stored.teachers()).containsExactlyInAnyOrder("Nora North@" + north + ":CSP",
        "Lee Lake@" + added + ":CS_ALGEBRA");
    assertThat(stored.leaders()).as("South High's counselor went with it").isEmpty();
    assertThat(stored.sections()).containsExactlyInAnyOrder("CSP@" + north, "CSP@" + north, "CS_ALGEBRA@" + added);
    // Last year is untouched.
    List<String> lastYearSchools = transactions.execute(s -> partnerships.findById(id).orElseThrow().getSchools().stream()
        .map(School::getName).toList());
    List<String> lastYearTeachers = transactions.execute(s -> partnerships.findById(id).orElseThrow().getTeachers()
        .stream().map(Teacher::getName).toList());
    assertThat(lastYearSchools).containsExactly(north, south);
    assertThat(lastYearTeachers).containsExactlyInAnyOrder("Nora North", "Sam South");
  }

  /** Clicks the list's "Add rows" button (rows.js adds one row in place) and answers the new row's index. */
  private int addRow(String list) {
    By rows = By.cssSelector("#" + list + " .row[data-row]");
    int before = browser.findElements(rows).size();
    WebElement add = browser.findElement(By.cssSelector("#" + list + " button.add-rows"));
    js("arguments[0].scrollIntoView({block: 'center'});", add);
    add.click();
    wait.until(d -> d.findElements(rows).size() == before + 1);
    List<WebElement> all = browser.findElements(rows);
    return Integer.parseInt(all.get(all.size() - 1).getAttribute("data-row"));
  }

  /** The row's "Remove" button (rows.js). */
  private void remove(String list, int row) {
    WebElement button = browser.findElement(By.cssSelector("#" + list + " .row[data-row='" + row + "'] button.remove-row"));
    js("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
    wait.until(d -> d.findElements(By.cssSelector("#" + list + " .row[data-row='" + row + "']")).isEmpty());
  }

  private void confirm() {
    WebElement button = browser.findElement(By.xpath(
        "//button[normalize-space(.)='Confirm for the next school year' and not(@tabindex)]"));
    js("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  private void fill(String name, String text) {
    WebElement field = browser.findElement(By.name(name));
    js("arguments[0].scrollIntoView({block: 'center'});", field);
    field.clear();
    field.sendKeys(text);
  }

  private void choose(String name, String valueOrText) {
    Select select = new Select(browser.findElement(By.name(name)));
    try {
      select.selectByValue(valueOrText);
    } catch (org.openqa.selenium.NoSuchElementException e) {
      select.selectByVisibleText(valueOrText);
    }
  }

  private String value(String name) {
    return browser.findElement(By.name(name)).getAttribute("value");
  }

  private String selected(String name) {
    return new Select(browser.findElement(By.name(name))).getFirstSelectedOption().getText();
  }


  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
