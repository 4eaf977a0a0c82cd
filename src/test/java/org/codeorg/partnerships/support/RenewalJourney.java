package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.PartnershipRepository;

/**
 * The next school year after {@link LifecycleJourney} closed a partnership with "renew", over HTTP:
 * the renewal starts with the teachers and sections carried over and the same district link, bad
 * confirmations are refused without writing anything, the district confirms on its page (one
 * teacher leaves, one joins, a section more), a partnership manager's short review, last year's
 * plan pre-filled and updated, then PD of the new school year starts. A second renewal of the
 * same year starts nothing.
 */
public final class RenewalJourney {

  private static final Pattern LINK = Pattern.compile("/district/partnerships/(DP-\\d{4}-\\d{4})\\?token=([A-Za-z0-9_-]{43})");

  private final Http http;
  private final ProcessEngine engine;
  private final DistrictJourney district;
  private final PartnershipRenewals renewals;
  private final PartnershipRepository partnerships;
  private final LifecycleJourney.Staff staff;

  public RenewalJourney(Http http, ProcessEngine engine, DistrictJourney district, PartnershipRenewals renewals,
      PartnershipRepository partnerships, LifecycleJourney.Staff staff) {
    this.partnerships = partnerships;
    this.http = http;
    this.engine = engine;
    this.district = district;
    this.renewals = renewals;
    this.staff = staff;
  }

  /** @return the next school year's reference */
  public String run(LifecycleJourney.Closed closed) {
    String previous = closed.reference();
    String contact = closed.contact();

    // 1. Closing with "renew" started the next school year: linked both ways, the same district.
    JsonNode last = detail(previous);
    String next = last.get("nextReference").asText();
    assertThat(next).matches("DP-\\d{4}-\\d{4}").isNotEqualTo(previous);
    assertThat(last.get("years").findValuesAsText("reference")).containsExactly(previous, next);
    assertThat(last.get("timeline").findValuesAsText("event")).contains("PARTNERSHIP_CLOSED", "RENEWED");
    district.runJobs(next);
    JsonNode renewed = detail(next);
    assertThat(renewed.get("previousReference").asText()).isEqualTo(previous);
    assertThat(renewed.get("schoolYear").asText()).isEqualTo("2028-2029");
    assertThat(renewed.get("ncesId").asText()).isEqualTo(last.get("ncesId").asText());
    assertThat(renewed.get("stage").asText()).isEqualTo("RENEWAL_CONFIRMATION");
    assertThat(renewed.get("years").size()).isEqualTo(2);
    assertThat(renewed.get("years").get(0).get("timeline").findValuesAsText("event")).contains("PARTNERSHIP_CLOSED");
    assertThat(renewed.get("professionalDevelopment").findValuesAsText("name"))
        .containsExactlyInAnyOrder("Eli Ward", "Cam Price", "Ada Moss", "Fay Lund");
    assertThat(renewed.get("professionalDevelopment").findValuesAsText("status")).containsOnly("NOT_STARTED");
    assertThat(renewed.get("sections").size()).isEqualTo(4);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(next).count())
        .as("no screening, no application review").isZero();

    // 2. The same district link: the email carries the same token, and last year's link opens both years.
    MimeMessage asked = district.deliveredTo(contact, "Code.org partnership " + next
        + ": confirm your teachers and sections for 2028-2029");
    assertThat(tokenIn(asked, next)).isEqualTo(closed.token());
    String token = closed.token();
    Http.Response lastYear = http.get("/district/partnerships/" + previous + "?token=" + token, null);
    assertThat(lastYear.status()).isEqualTo(200);
    assertThat(lastYear.body()).contains("Closed", "Your partnership over the years", next, "2028-2029");
    Http.Response page = http.get("/district/partnerships/" + next + "?token=" + token, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Your teachers and sections for", "Eli Ward", "Fay Lund", previous,
        "partnership closed", "renewal started");
    assertThat(http.get("/district/partnerships/" + next + "?token=" + token.substring(1) + "A", null).status())
        .isEqualTo(404);

    // 3. A renewal is started once: the same year renewed again (twice at once) answers the same next year.
    renewAgain(last.get("ncesId").asText(), previous, next);

    // 4. Bad confirmations: problem details naming each field, nothing written.
    Map<String, Long> teachers = new LinkedHashMap<>();
    renewed.get("professionalDevelopment").forEach(t -> teachers.put(t.get("name").asText(), t.get("teacherId").asLong()));
    String high = renewed.get("sections").findValuesAsText("school").stream().filter(s -> s.startsWith("Lincoln High"))
        .findFirst().orElseThrow();
    String middle = high.replace("High", "Middle");
    Map<String, String> tokenHeader = Map.of("X-Partnership-Token", token);
    String api = "/api/partnerships/" + next + "/renewal-confirmation";
    Http.Response incomplete = http.post(api, null, Map.of(
        "teachers", List.of(keep(teachers.get("Eli Ward"), true), keep(999_999L, true), keep(teachers.get("Eli Ward"), false)),
        "newTeachers", List.of(Map.of("name", "Noor Haddad", "email", "not-an-email", "school", "Nowhere High",
            "course", "CS_ALGEBRA"), Map.of("name", "Cam Twin", "email", emailOf(closed, "CSP"), "school", high,
            "course", "CSP")),
        "sections", List.of(Map.of("school", high, "course", "CSF", "sections", 1),
            Map.of("school", middle, "course", "CS_ALGEBRA", "sections", 99))), tokenHeader);
    assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(400);
    assertThat(incomplete.contentType()).startsWith("application/problem+json");
    assertThat(incomplete.json().get("errors").findValuesAsText("field"))
        .contains("newTeachers[0].email", "sections[1].sections");
    Http.Response inconsistent = http.post(api, null, Map.of(
        "teachers", List.of(keep(teachers.get("Eli Ward"), true), keep(999_999L, true), keep(teachers.get("Eli Ward"), false)),
        "newTeachers", List.of(Map.of("name", "Noor Haddad", "email", "noor@k12.test", "school", "Nowhere High",
            "course", "CS_ALGEBRA"), Map.of("name", "Cam Twin", "email", emailOf(closed, "CSP"), "school", high,
            "course", "CSP")),
        "sections", List.of(Map.of("school", high, "course", "CSF", "sections", 1))), tokenHeader);
    assertThat(inconsistent.status()).as(inconsistent.body()).isEqualTo(400);
    assertThat(inconsistent.json().get("errors").findValuesAsText("field")).contains("teachers[1].teacherId",
        "teachers[2].teacherId", "teachers", "newTeachers[0].school", "newTeachers[1].email", "sections[0].course");
    assertThat(inconsistent.body()).contains("Cam Price", "Ada Moss", "Fay Lund", "is listed twice");
    Http.Response orphaned = http.post(api, null, Map.of("teachers", teachers.values().stream().map(id -> keep(id, true))
        .toList(), "sections", List.of(Map.of("school", middle, "course", "CS_ALGEBRA", "sections", 0))), tokenHeader);
    assertThat(orphaned.status()).as(orphaned.body()).isEqualTo(400);
    assertThat(orphaned.body()).contains("Ada Moss stays to teach CS_ALGEBRA");
    assertThat(http.post(api, null, Map.of("teachers", List.of()), Map.of("X-Partnership-Token",
        token.substring(1) + "A")).status()).as("wrong token").isEqualTo(404);
    // The page's form: the error next to its row, what was typed kept.
    Map<String, String> form = confirmationForm(token, teachers, high, middle);
    form.put("newTeachers[0].school", "");
    Http.Response shown = http.postForm("/district/partnerships/" + next + "/renewal-confirmation", form);
    assertThat(shown.status()).isEqualTo(400);
    assertThat(shown.body()).contains("There is a problem", "newTeachers-0-school-error", "noor.haddad@k12.test");
    JsonNode unchanged = detail(next);
    assertThat(unchanged.get("stage").asText()).isEqualTo("RENEWAL_CONFIRMATION");
    assertThat(unchanged.get("professionalDevelopment").size()).isEqualTo(4);
    assertThat(unchanged.get("sections").size()).isEqualTo(4);
    assertThat(unchanged.get("timeline").findValuesAsText("event")).doesNotContain("RENEWAL_CONFIRMED");

    // 5. The district confirms on its page: Ada Moss leaves, Noor Haddad joins, CSP gets a second section.
    Http.Response confirmed = http.postForm("/district/partnerships/" + next + "/renewal-confirmation",
        confirmationForm(token, teachers, high, middle));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
    assertThat(http.headerOf(confirmed, "Location")).contains("done=renewal");
    Http.Response again = http.post(api, null, Map.of("teachers", teachers.values().stream().map(id -> keep(id, true))
        .toList()), tokenHeader);
    assertThat(again.status()).as("confirmed once: " + again.body()).isEqualTo(409);
    JsonNode afterConfirmation = detail(next);
    assertThat(afterConfirmation.get("stage").asText()).isEqualTo("RENEWAL_REVIEW");
    assertThat(afterConfirmation.get("professionalDevelopment").findValuesAsText("name"))
        .containsExactlyInAnyOrder("Eli Ward", "Cam Price", "Fay Lund", "Noor Haddad");
    assertThat(afterConfirmation.get("sections").findValuesAsText("course")).filteredOn("CSP"::equals).hasSize(2);

    // 6. A partnership manager's short review: what the district changed, then approve.
    JsonNode review = district.openTask(next, LifecycleProcess.TASK_REVIEW_RENEWAL, staff.manager());
    JsonNode formVariables = http.get("/engine-rest/task/" + review.get("id").asText() + "/form-variables",
        staff.manager()).json();
    assertThat(formVariables.path("renewalChanges").path("value").asText())
        .contains("Not returning: Ada Moss", "New: Noor Haddad (CS_ALGEBRA)", "CSP at " + high + ": 2 section(s)");
    assertThat(formVariables.path("previousPartnershipReference").path("value").asText()).isEqualTo(previous);
    district.complete(review, Map.of("renewalDecision", "APPROVE"), staff.manager());
    district.runJobs(next);

    // 7. The plan is updated, not written anew: last year's plan fills the form.
    district.deliveredTo(contact, "Code.org partnership " + next + ": update your comprehensive plan for 2028-2029");
    assertThat(detail(next).get("stage").asText()).isEqualTo("COMPREHENSIVE_PLAN");
    assertThat(http.get("/district/partnerships/" + next + "?token=" + token, null).body())
        .contains("Computer science for every student by 2030", "Local employers mentor");
    Http.Response plan = http.post("/api/partnerships/" + next + "/plan", null, Map.of(
        "vision", "Computer science for every student by 2030; CS in Algebra in every middle school",
        "implementation", "CSP in both high schools, two sections", "promotion", "Family nights",
        "communitySupport", "Local employers mentor"), tokenHeader);
    assertThat(plan.status()).as(plan.body()).isEqualTo(202);
    district.complete(district.openTask(next, "Task_ReviewPlan", staff.manager()), Map.of("planDecision", "APPROVE"),
        staff.manager());
    district.runJobs(next);
    district.deliveredTo(contact, "Code.org partnership " + next + ": comprehensive plan approved");

    // 8. PD of the new school year starts: each teacher's professional-development instance, the district asked to commit.
    JsonNode implementation = detail(next);
    assertThat(implementation.get("stage").asText()).isEqualTo("IMPLEMENTATION");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(next)
        .processDefinitionKey("professional-development").count()).isEqualTo(3);
    district.deliveredTo(contact, "Code.org partnership " + next + ": please confirm Noor Haddad will teach "
        + "Computer Science in Algebra");
    long noor = 0;
    for (JsonNode teacher : implementation.get("professionalDevelopment")) {
      if (teacher.get("name").asText().equals("Noor Haddad")) {
        noor = teacher.get("teacherId").asLong();
      }
    }
    assertThat(http.post("/api/partnerships/" + next + "/teachers/" + noor + "/commitment", null,
        Map.of("commits", true), tokenHeader).status()).isEqualTo(202);
    district.runJobs(next);
    district.deliveredTo("noor.haddad@k12.test", "Your Code.org professional development for Computer Science in Algebra");
    JsonNode started = detail(next);
    for (JsonNode teacher : started.get("professionalDevelopment")) {
      if (teacher.get("name").asText().equals("Noor Haddad")) {
        assertThat(teacher.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(teacher.get("plannedHours").asInt()).isEqualTo(55);
      }
    }
    return next;
  }

  /** Two more renewals of the closed year at the same moment, and one after: the same next year, nothing new. */
  private void renewAgain(String ncesId, String previous, String next) {
    Long previousId = partnerships.findByReference(previous).orElseThrow().getId();
    List<Optional<String>> answers = atOnce(2, () -> renewals.startNextYear(previousId));
    answers.add(renewals.startNextYear(previousId));
    assertThat(answers).containsOnly(Optional.of(next));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(next)
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).count()).isEqualTo(1);
    assertThat(http.get("/api/partnerships", staff.manager()).json().findValuesAsText("reference"))
        .filteredOn(reference -> reference.equals(next)).hasSize(1);
    assertThat(detail(previous).get("years").size()).isEqualTo(2);
    assertThat(ncesId).isNotBlank();
  }

  private static <T> List<T> atOnce(int copies, Callable<T> call) {
    ExecutorService threads = Executors.newFixedThreadPool(copies);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(threads.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The form as the district page posts it: every teacher answered, two rows for new teachers, sections per offer. */
  private Map<String, String> confirmationForm(String token, Map<String, Long> teachers, String high, String middle) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    int row = 0;
    for (Map.Entry<String, Long> teacher : teachers.entrySet()) {
      form.put("teachers[" + row + "].teacherId", String.valueOf(teacher.getValue()));
      form.put("teachers[" + row + "].keep", String.valueOf(!teacher.getKey().equals("Ada Moss")));
      row++;
    }
    form.put("newTeachers[0].name", "Noor Haddad");
    form.put("newTeachers[0].email", "noor.haddad@k12.test");
    form.put("newTeachers[0].school", middle);
    form.put("newTeachers[0].course", "CS_ALGEBRA");
    for (String field : List.of("name", "email", "school", "course")) {
      form.put("newTeachers[1]." + field, "");
    }
    form.put("sections[0].school", high);
    form.put("sections[0].course", "CSP");
    form.put("sections[0].sections", "2");
    form.put("sections[1].school", middle);
    form.put("sections[1].course", "CS_ALGEBRA");
    form.put("sections[1].sections", "1");
    form.put("sections[2].new", "true");
    form.put("sections[2].school", "");
    form.put("sections[2].course", "");
    form.put("sections[2].sections", "");
    return form;
  }

  private static Map<String, Object> keep(Long teacherId, boolean keep) {
    return Map.of("teacherId", teacherId, "keep", keep);
  }

  private static String emailOf(LifecycleJourney.Closed closed, String course) {
    return closed.teacherEmails().get(course);
  }

  private JsonNode detail(String reference) {
    Http.Response detail = http.get("/api/partnerships/" + reference, staff.manager());
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    return detail.json();
  }

  private static String tokenIn(MimeMessage message, String reference) {
    Matcher link = LINK.matcher(DistrictJourney.plainText(message));
    assertThat(link.find()).as("district link").isTrue();
    assertThat(link.group(1)).isEqualTo(reference);
    return link.group(2);
  }
}
