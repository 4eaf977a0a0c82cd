package org.codeorg.partnerships.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's webapps in a real browser as staff use them, for the browser tests: log in, open a task
 * in Tasklist, <b>Claim</b>, fill its Camunda Form (text, select, radio, checkbox, checklist, the
 * date picker), <b>Complete</b>; or <b>Start process</b> and fill a start form. Every step waits
 * explicitly for what it needs (60 s at most); nothing sleeps. A completion is waited for in the
 * engine (the task is gone), which is what the next step needs, not for Tasklist's list to refresh.
 *
 * <p>The static helpers ({@link #click}, {@link #waitFor}, {@link #screenshot}) serve any window,
 * e.g. the district's pages. Screenshots go to {@link #SCREENSHOTS}.
 */
public final class TasklistBrowser {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  // A ceiling, not a pause: on a loaded 2-core CI machine Tasklist's first load took more than 30 s.
  private static final Duration WAIT = Duration.ofSeconds(60);
  /**
   * How often a wait that only reads (a text, an element, the engine) looks again: Selenium's 500 ms
   * default added a quarter of a second on average to each of the hundreds of waits of a walkthrough.
   * The waits that act (click, type, tick, pick an option, the date picker) keep their own slower pace:
   * it gives the page time to settle or to take the previous action before it is repeated.
   */
  public static final Duration POLL = Duration.ofMillis(100);

  private final WebDriver browser;
  private final String baseUrl;
  private final ProcessEngine engine;
  private String taskId;

  /**
   * @param browser a window of its own (one user at a time; {@link #logIn} starts over)
   * @param baseUrl the application's root, e.g. {@code http://localhost:8080}
   * @param engine where a completed task is looked for
   */
  public TasklistBrowser(WebDriver browser, String baseUrl, ProcessEngine engine) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.engine = engine;
  }

  public WebDriver browser() {
    return browser;
  }

  /** Logs {@code user} (password = user name) in to {@code app} (tasklist, cockpit, admin), out of any earlier session. */
  public TasklistBrowser logIn(String app, String user) {
    logIn(browser, baseUrl, app, user);
    return this;
  }

  /** The log-in form of Camunda's webapps, in any window. */
  public static void logIn(WebDriver browser, String baseUrl, String app, String user) {
    // A webapp's first load in a new browser fetches all its scripts: on a loaded machine that took more than a minute.
    WebDriverWait wait = waiting(browser, WAIT.multipliedBy(2));
    if (browser.getCurrentUrl().startsWith(baseUrl)) {
      browser.manage().deleteAllCookies();   // the session of the user logged in before
    }
    browser.get(baseUrl + "/camunda/app/" + app + "/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  // --- tasks ------------------------------------------------------------------------------------------------

  /**
   * Opens the one open task {@code taskKey} of the instance with this business key, as a link to it
   * in Tasklist does, and waits for {@code heading} (text of its form or card) to show.
   *
   * @return the task's id
   */
  public String openTask(String businessKey, String taskKey, String heading) {
    taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult().getId();
    return openTask(taskId, heading);
  }

  /** Opens this task in Tasklist and waits for {@code heading} to show. */
  public String openTask(String id, String heading) {
    taskId = id;
    browser.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + id);
    waitFor(browser, heading);
    return id;
  }

  /** <b>Claim</b>, then waits until the form takes input. */
  public TasklistBrowser claim() {
    click(browser, By.xpath("//*[normalize-space(text())='Claim']"));
    formEnabled();
    return this;
  }

  /** Waits until the task's form takes input (an assigned task's form does at once). */
  public TasklistBrowser formEnabled() {
    waiting(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    return this;
  }

  /** Screenshot {@code shot}, <b>Complete</b>, and waits until the engine has no such task any more. */
  public void complete(String shot) {
    String completed = taskId;
    screenshot(browser, shot);
    click(browser, By.xpath("//button[normalize-space(.)='Complete']"));
    waiting(browser, WAIT).withMessage("task " + completed + " completed")
        .until(driver -> engine.getTaskService().createTaskQuery().taskId(completed).count() == 0);
    // Tasklist then deselects the task (drops "task=<id>" from its address). Opening the next task before it
    // has done so lets that deselection land on the next task: the form never shows ("Select a task in the
    // list"; seen once in CI after the read-waits became faster).
    waiting(browser, WAIT).withMessage("Tasklist deselecting task " + completed)
        .until(driver -> !driver.getCurrentUrl().contains(completed));
  }

  // --- start forms ------------------------------------------------------------------------------------------

  /** <b>Start process</b>, the process's name in the list, and waits for {@code formText} of its start form. */
  public TasklistBrowser startProcess(String processName, String formText) {
    click(browser, By.xpath("//a[normalize-space(.)='Start process']"));
    click(browser, By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)=\"" + processName + "\"]"));
    waitFor(browser, formText);
    return this;
  }

  /** Screenshot {@code shot}, <b>Start</b>, and waits until the dialog closes (a refused form keeps it open). */
  public void start(String shot) {
    screenshot(browser, shot);
    click(browser, By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Start']"));
    waiting(browser, WAIT).withMessage("the start form accepted").until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** A session row of "Schedule a workshop": a local date, local start and end times ({@code HH:mm}). */
  public record Session(LocalDate day, String starts, String ends) {
  }

  /**
   * <b>Start process</b> → "Schedule a workshop (in-person PD)" (a PD manager's): the course, the
   * other fields by their labels (e.g. "Phase" → "2"), one row per session; <b>Start</b>.
   */
  public void scheduleWorkshop(String course, Map<String, String> fields, List<Session> sessions, String shot) {
    startProcess("Schedule a workshop (in-person PD)", "Sessions are local dates and times");
    select("Course", course);
    // Twice: the second pass finds every value still in place (or types it again).
    for (int pass = 0; pass < 2; pass++) {
      fields.forEach(this::type);
      for (int n = 1; n <= sessions.size(); n++) {
        Session session = sessions.get(n - 1);
        type(n == 1 ? "Session 1: date" : "Session " + n + ": date (optional)", session.day().toString());
        typeNth("starts (local time)", n, session.starts());
        typeNth("ends (local time)", n, session.ends());
      }
    }
    start(shot);
  }

  /**
   * <b>Start process</b> → "Report online PD completions" (a PD manager's) for one teacher's online
   * phase, as the online PD environment would report it; then the result waiting in the reporter's
   * My tasks, "Review the completions applied", read ("… phase 1, 20 hours …") and completed.
   *
   * @param course the option of the form's Course select, e.g. "Computer Science Principles (AP)"
   */
  public void reportOnlineCompletion(String teacherEmail, String course, int phase, LocalDate completedOn, int hours,
      String shot) {
    startProcess("Report online PD completions", "One teacher's online phase");
    choose("One teacher's phase").type("Teacher's email", teacherEmail).select("Course", course)
        .type("Phase", String.valueOf(phase)).date("Completed on", completedOn).type("Hours", String.valueOf(hours))
        .start(shot);
    String review = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewAppliedCompletions")
        .processVariableValueEquals("teacherEmail", teacherEmail).singleResult().getId();
    openTask(review, "1 completion(s) applied");
    waitFor(browser, "phase " + phase + ", " + hours + " hours, completed on " + completedOn);
    complete(shot + "-applied");
  }

  // --- Camunda Forms fields ---------------------------------------------------------------------------------

  /** Types into the form field with this label. */
  public TasklistBrowser type(String label, String text) {
    return typeNth(label, 1, text);
  }

  /**
   * Types into the {@code n}-th (1-based) field with this label (a workshop's sessions repeat
   * theirs), then TAB: Camunda Forms commits a field's debounced change on blur, so that it cannot
   * re-render a field typed later empty. Typed again until the field holds the text.
   */
  public TasklistBrowser typeNth(String label, int n, String text) {
    waiting(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(labelled(label)));
    WebElement input = inputOf(browser.findElements(labelled(label)).get(n - 1));
    scrollTo(input);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
      if (!text.equals(input.getAttribute("value"))) {
        input.clear();
        input.sendKeys(text, Keys.TAB);
      }
      return text.equals(input.getAttribute("value"));
    });
    return this;
  }

  /**
   * Types the day into a date picker (Camunda Forms {@code datetime}, subtype date) in the format its
   * placeholder shows (the browser's locale, e.g. mm/dd/yyyy), as a person types it, and leaves the
   * field: the picker reads typed text on blur.
   */
  public TasklistBrowser date(String label, LocalDate day) {
    WebElement input = inputOf(waiting(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(labelled(label))));
    String placeholder = input.getAttribute("placeholder");
    String shown = DateTimeFormatter.ofPattern(placeholder.replace("mm", "MM")).format(day);
    // The picker shows the day it took without leading zeros (5/16/2028 for 05/16/2028): compare days, not text.
    DateTimeFormatter read = DateTimeFormatter.ofPattern(placeholder.replace("mm", "M").replace("dd", "d"));
    scrollTo(input);
    new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
      if (!holds(input.getAttribute("value"), read, day)) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(shown, Keys.TAB);
      }
      return holds(input.getAttribute("value"), read, day);
    });
    return this;
  }

  private static boolean holds(String value, DateTimeFormatter read, LocalDate day) {
    try {
      return value != null && day.equals(LocalDate.parse(value.trim(), read));
    } catch (java.time.format.DateTimeParseException notYet) {
      return false;
    }
  }

  /**
   * Picks an option of a select: its display opens the list, the option is clicked. The display is
   * clicked again while the list is not shown: a field reached with TAB may have opened it already,
   * and a click then closes it.
   */
  public TasklistBrowser select(String label, String option) {
    WebElement field = fieldOf(waiting(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(labelled(label))));
    WebElement display = field.findElement(By.cssSelector(".fjs-input-group"));
    By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=\"" + option + "\"]");
    new WebDriverWait(browser, WAIT).withMessage("option " + option + " of " + label)
        .ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class).until(driver -> {
      // The open list is part of the field's text: the option is picked once the list is closed.
      List<WebElement> shown = driver.findElements(item).stream().filter(WebElement::isDisplayed).toList();
      if (shown.isEmpty() && field.getText().contains(option)) {
        return true;
      }
      WebElement target = shown.isEmpty() ? display : shown.get(0);
      scrollTo(target);
      target.click();
      return false;
    });
    return this;
  }

  /** Picks the radio option with this label, and checks that it is picked. */
  public TasklistBrowser choose(String option) {
    By label = By.xpath("//label[normalize-space(.)=\"" + option + "\"]");
    click(browser, label);
    WebElement input = inputOf(browser.findElement(label));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
      if (!input.isSelected()) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", input);
      }
      return input.isSelected();
    });
    return this;
  }

  /**
   * Ticks the checkbox (or checklist entry) whose label contains this text, clicking again until it
   * is ticked: a click while Tasklist still renders the form it has just loaded is lost.
   */
  public TasklistBrowser tick(String text) {
    By entry = By.xpath("//label[.//input[@type='checkbox'] and contains(normalize-space(.), \"" + text + "\")]");
    new WebDriverWait(browser, WAIT).withMessage(text + " ticked").pollingEvery(Duration.ofSeconds(1))
        .ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
        .until(driver -> {
          List<WebElement> labels = driver.findElements(entry);
          if (labels.isEmpty() || !labels.get(0).isDisplayed()) {
            return false;
          }
          if (labels.get(0).findElement(By.xpath(".//input[@type='checkbox']")).isSelected()) {
            return true;
          }
          scrollTo(labels.get(0));
          labels.get(0).click();
          return false;
        });
    return this;
  }

  /** Whether the checkbox (or checklist entry) whose label contains this text is ticked. */
  public boolean ticked(String text) {
    return browser.findElement(By.xpath("//label[contains(normalize-space(.), \"" + text + "\")]//input[@type='checkbox']"))
        .isSelected();
  }

  /**
   * Ticks every entry of the checklist with this label (its options come from a Json variable,
   * {@code valuesKey}); waits for {@code expected} among them first.
   *
   * @return the entries' texts, in the form's order
   */
  public List<String> tickAll(String label, String expected) {
    tick(expected);
    WebElement field = fieldOf(browser.findElement(labelled(label)));
    List<String> names = new ArrayList<>();
    for (WebElement entry : field.findElements(By.xpath(".//label[.//input[@type='checkbox']]"))) {
      names.add(entry.getText().trim());
    }
    names.forEach(this::tick);
    return names;
  }

  private static By labelled(String label) {
    return By.xpath("//label[normalize-space(.)=\"" + label + "\" or normalize-space(.)=\"" + label + "*\"]");
  }

  /** The input a label names: by its {@code for}, else the one it wraps, else the one of its field. */
  private WebElement inputOf(WebElement label) {
    String id = label.getAttribute("for");
    if (id != null && !id.isBlank()) {
      return browser.findElement(By.id(id));
    }
    List<WebElement> wrapped = label.findElements(By.tagName("input"));
    return wrapped.isEmpty() ? fieldOf(label).findElement(By.tagName("input")) : wrapped.get(0);
  }

  private static WebElement fieldOf(WebElement label) {
    return label.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  // --- any window -------------------------------------------------------------------------------------------

  /** Scrolls the element to the middle first (Tasklist's fixed footer covers the bottom of the form), then clicks. */
  public static void click(WebDriver browser, By locator) {
    // Tasklist's notification of the previous completion may lie over the button for a few seconds: click again.
    // Selenium's default pace (500 ms), not POLL: an element that has just appeared may still be moving
    // (the Start process dialog slides in), and a click on it then is lost.
    new WebDriverWait(browser, WAIT).ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class).until(driver -> {
          WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
          if (element == null) {
            return false;
          }
          ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
          element.click();
          return true;
        });
  }

  /** Waits until the page's text contains {@code text}. */
  public static void waitFor(WebDriver browser, String text) {
    // A page replaced while it is read (a form posts and redirects) makes chromedriver answer
    // "Node … does not belong to the document", which is no stale-element exception: read again.
    waiting(browser, WAIT).ignoring(WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  /** A wait that looks again every {@link #POLL}, for conditions that only read. */
  public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
    return (WebDriverWait) new WebDriverWait(browser, timeout).pollingEvery(POLL);
  }

  /** The window as {@code target/screenshots/<name>.png}. */
  public static void screenshot(WebDriver browser, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
