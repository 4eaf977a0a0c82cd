package org.codeorg.partnerships.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.codeorg.partnerships.support.Chromium;
import org.codeorg.partnerships.support.ReportDataSet;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TasklistBrowser;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' reports in Cockpit in Debian's headless chromium, on the samples plus 200
 * generated partnerships: a partnership manager sees the funnel on the dashboard, filters the
 * Partnerships page by stage and downloads its CSV (which parses and matches the page), and sees
 * the timeline on a lifecycle instance's Partnership tab; a facilitator gets no menu entry and a
 * 403 from the plugin API. Screenshots go to {@code target/screenshots/}; the dashboard's is also
 * the README's picture ({@code docs/cockpit-reports.png}) when run with
 * {@code -Dscreenshots.updateDocs=true}.
 */
@EnabledIf("org.codeorg.partnerships.support.Chromium#available")
class CockpitReportsBrowserTest extends SpringIntegrationTest {

  private static final String YEAR = "2091-2092";

  @Autowired
  JdbcTemplate jdbc;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private Path downloads;
  private ReportDataSet dataSet;

  @BeforeEach
  void openBrowser() throws IOException {
    dataSet = new ReportDataSet(jdbc, YEAR);
    dataSet.remove();
    dataSet.create(200, Instant.now());
    profile = Files.createTempDirectory("chromium-profile");
    downloads = Files.createTempDirectory("chromium-downloads");
    ChromeOptions options = Chromium.options(profile, "1400,1100");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false));
    browser = Chromium.start(options);
    wait = TasklistBrowser.waiting(browser, Duration.ofSeconds(40));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    dataSet.remove();
  }

  @Test
  void aManagerReadsTheReportsInCockpit() throws Exception {
    logIn("cockpit", "manager");
    // Branding from the jar's config.js
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Code.org Partnerships"));
    // Once the access checks are answered, a reader's menu entries are there (what the facilitator's test relies on).
    awaitPluginAccessChecks();
    assertThat(browser.findElements(By.id("partnerships-menu-link"))).hasSize(1);
    assertThat(browser.findElements(By.id("pd-report-menu-link"))).hasSize(1);

    // Dashboard: the funnel, drawn by ECharts from the jar, and its table
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cdo-funnel-chart[data-rendered=true]")));
    assertThat(browser.findElements(By.cssSelector("#cdo-funnel-chart canvas"))).isNotEmpty();
    List<WebElement> funnelRows = browser.findElements(By.cssSelector("#cdo-funnel tbody tr"));
    assertThat(funnelRows).hasSize(PartnershipStage.values().length);
    int implementationRow = PartnershipStage.IMPLEMENTATION.ordinal();
    assertThat(funnelRows.get(implementationRow).getText()).startsWith("Professional development and classroom set-up");
    long implementation = Long.parseLong(funnelRows.get(implementationRow).findElements(By.tagName("td")).get(1).getText());
    assertThat(implementation).isGreaterThanOrEqualTo(200 / PartnershipStage.values().length);   // the generated ones
    scrollTo(By.id("cdo-dashboard"));
    screenshot("cockpit-dashboard-partnerships");
    // The README's picture is a tracked file: refreshed only on request, so a test run leaves the checkout clean.
    if (Boolean.getBoolean("screenshots.updateDocs")) {
      Files.copy(TasklistBrowser.SCREENSHOTS.resolve("cockpit-dashboard-partnerships.png"), Path.of("docs", "cockpit-reports.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }

    // The menu entry leads to the Partnerships page; filter by stage
    wait.until(ExpectedConditions.elementToBeClickable(By.id("partnerships-menu-link"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cdo-partnerships-table tbody tr")));
    new Select(browser.findElement(By.id("cdo-filter-stage"))).selectByValue("IMPLEMENTATION");
    wait.until(driver -> {
      try {   // the table is replaced when the filtered page arrives
        return String.valueOf(implementation).equals(
            driver.findElement(By.id("cdo-partnerships-table")).getAttribute("data-total"));
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
    List<WebElement> rows = browser.findElements(By.cssSelector("#cdo-partnerships-table tbody tr"));
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-stage")).isEqualTo("IMPLEMENTATION"));
    screenshot("cockpit-partnerships-implementation");

    // The CSV download of the filtered list parses and has every row of the filter
    browser.findElement(By.id("cdo-partnerships-csv")).click();
    Path csv = wait.until(driver -> {
      try (Stream<Path> files = Files.list(downloads)) {
        return files.filter(f -> f.getFileName().toString().equals("partnerships.csv")).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text.substring(1))).getRecords();
    assertThat(records).hasSize((int) implementation + 1);
    assertThat(records.subList(1, records.size())).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("IMPLEMENTATION"));

    // A sample partnership's row links to its lifecycle instance; its Partnership tab shows the timeline
    WebElement sample = rows.stream().filter(r -> !r.getAttribute("data-reference").startsWith("DP-209"))
        .findFirst().orElseThrow();
    String reference = sample.getAttribute("data-reference");
    sample.findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.urlContains("/process-instance/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cdo-timeline tbody tr")));
    assertThat(browser.findElement(By.id("cdo-partnership-tab")).getText()).contains(reference)
        .contains("APPLICATION_RECEIVED");
    scrollTo(By.id("cdo-partnership-tab"));
    screenshot("cockpit-partnership-tab");

    // The PD report
    browser.get(baseUrl() + "/camunda/app/cockpit/default/#/pd-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cdo-hours-chart[data-rendered=true]")));
    assertThat(browser.findElements(By.cssSelector("#cdo-pd-courses tbody tr"))).isNotEmpty();
    screenshot("cockpit-pd-report");
  }

  /**
   * Facilitators have no access to Cockpit at all (Camunda's own 403 page). To see the plugin's own
   * check at work, this test lets them into Cockpit for its duration: Cockpit opens, but the
   * Partnerships and PD report entries and the dashboard panel stay away, and the plugin API says 403.
   */
  @Test
  void aFacilitatorHasNoMenuEntryAndThePluginApiRefuses() throws Exception {
    org.camunda.bpm.engine.AuthorizationService authorizations = processEngine.getAuthorizationService();
    org.camunda.bpm.engine.authorization.Authorization grant =
        authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("facilitators");
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.APPLICATION);
    grant.setResourceId("cockpit");
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.ACCESS);
    String grantId = authorizations.saveAuthorization(grant).getId();
    try {
      logIn("cockpit", "facilitator");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Code.org Partnerships"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Processes")));
      awaitPluginAccessChecks();
      assertThat(browser.findElements(By.id("partnerships-menu-link"))).isEmpty();
      assertThat(browser.findElements(By.id("pd-report-menu-link"))).isEmpty();
      assertThat(browser.findElements(By.id("cdo-dashboard"))).isEmpty();
      screenshot("cockpit-facilitator");
      Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          fetch('/camunda/api/cockpit/plugin/partnerships/default/dashboard', {credentials: 'same-origin'})
            .then(r => done(r.status)).catch(e => done(String(e)));""");
      assertThat(status).isEqualTo(403L);
    } finally {
      authorizations.deleteAuthorization(grantId);
    }
  }

  /**
   * Waits until the plugin API has answered the access checks of both menu entries and the dashboard's
   * request, then lets Cockpit apply the answers (its next digest): instead of a fixed pause, after which
   * a reader's entries are shown and anyone else's are not.
   */
  private void awaitPluginAccessChecks() {
    wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
        const answered = (path) => performance.getEntriesByType('resource')
            .filter(e => e.name.includes('/plugin/partnerships/') && e.name.endsWith(path) && e.responseEnd > 0).length;
        return answered('/access') >= 2 && answered('/dashboard') >= 1;"""));
    ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        setTimeout(() => requestAnimationFrame(() => setTimeout(done, 100)), 0);""");
  }

  private void logIn(String app, String user) {
    TasklistBrowser.logIn(browser, baseUrl(), app, user);
  }

  private void scrollTo(By locator) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
        browser.findElement(locator));
  }

  private void screenshot(String name) {
    TasklistBrowser.screenshot(browser, name);
  }
}
