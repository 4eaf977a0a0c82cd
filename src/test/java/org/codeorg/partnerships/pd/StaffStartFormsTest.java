package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff-started work from Tasklist's "Start process", through the engine's REST API as Tasklist
 * calls it: each group sees only its start forms; online PD completions by CSV — a file with one
 * bad row applies nothing and names the row, a file with wrong columns is refused, a good file is
 * applied and its result shown to the PD manager; a district's link reissued.
 */
class StaffStartFormsTest extends SpringIntegrationTest {

  private static final String PD_MANAGER = "pdmanager:pdmanager";
  private static final String MANAGER = "manager:manager";
  private static final String STARTABLE = "/engine-rest/process-definition?latest=true&active=true"
      + "&startableInTasklist=true&startablePermissionCheck=true";

  @Autowired
  OutboxSender sender;

  private Http http;
  private DistrictJourney district;
  private PdJourney pd;

  @BeforeEach
  void journeys() {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, MANAGER);
    pd = new PdJourney(http, processEngine, district, PD_MANAGER);
  }

  @Test
  void eachGroupSeesOnlyItsStartForms() {
    assertThat(startable(PD_MANAGER)).contains(OnlinePdCompletionsProcess.PROCESS_KEY,
        org.codeorg.partnerships.workshop.WorkshopDatesChangeProcess.PROCESS_KEY)
        .doesNotContain("district-link-reissue", "partnership-lifecycle");
    assertThat(startable(MANAGER)).contains("district-link-reissue", "partnership-lifecycle")
        .doesNotContain(OnlinePdCompletionsProcess.PROCESS_KEY,
            org.codeorg.partnerships.workshop.WorkshopDatesChangeProcess.PROCESS_KEY);
    assertThat(startable("facilitator:facilitator")).isEmpty();
    assertThat(startable("liaison:liaison")).isEmpty();
  }

  @Test
  void onlineCompletionsByCsvApplyNothingWhenARowIsBadAndEverythingWhenTheFileIsGood() {
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String school = "Online School " + nces;
    application.put("schools", List.of(Map.of("name", school, "level", "HIGH")));
    application.put("courses", List.of(Map.of("course", "CSP", "school", school, "sections", 2)));
    application.put("teachers", List.of(
        Map.of("name", "Ada Online " + nces, "email", "ada." + nces + "@k12.test", "school", school, "course", "CSP"),
        Map.of("name", "Bo Online " + nces, "email", "bo." + nces + "@k12.test", "school", school, "course", "CSP")));
    application.put("leaders", List.of());
    DistrictJourney.Approved approved = district.run(application);
    String reference = approved.reference();
    List<JsonNode> teachers = new ArrayList<>();
    pd.detail(reference).get("professionalDevelopment").forEach(teachers::add);
    for (JsonNode teacher : teachers) {
      assertThat(http.post("/api/partnerships/" + reference + "/teachers/" + teacher.get("teacherId").asText()
          + "/commitment", null, Map.of("commits", true), Map.of("X-Partnership-Token", approved.token())).status())
          .isEqualTo(202);
    }
    district.runJobs(reference);
    List<String> emails = new ArrayList<>();
    ((List<?>) application.get("teachers")).forEach(t -> emails.add((String) ((Map<?, ?>) t).get("email")));
    String hs = emails.get(0);
    String second = emails.get(1);
    String header = "Teacher email,Course,Phase,Completed on,Hours\n";

    // One bad row (an unknown teacher), one bad phase: nothing applied, each row named.
    Http.Response bad = startCompletions(header + hs + ",CSP,1,2026-06-30,20\n"
        + "nobody@k12.test,CSP,1,2026-06-30,20\n" + second + ",CSP,7,2026-06-30,10\n");
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("Nothing was applied", "Row 2: no teacher nobody@k12.test",
        "Row 3: ", "has no phase 7").doesNotContain("Row 1:");
    assertThat(phaseOne(reference, 0).get("status").asText()).isEqualTo("OPEN");

    Http.Response columns = startCompletions("email,course,phase,hours\n" + hs + ",CSP,1,20\n");
    assertThat(columns.status()).as(columns.body()).isEqualTo(400);
    assertThat(columns.json().get("message").asText()).contains("the columns must be");

    // The good file: both applied, the PD manager sees what was applied.
    Http.Response good = startCompletions(header + hs + ",CSP,1,2026-06-30,20\n" + second + ",csp,1,2026-06-29,12\n");
    assertThat(good.status()).as(good.body()).isEqualTo(200);
    String instance = good.json().get("id").asText();
    Task review = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(OnlinePdCompletionsProcess.TASK_REVIEW_APPLIED_COMPLETIONS);
    assertThat(review.getAssignee()).isEqualTo("pdmanager");
    String report = (String) processEngine.getTaskService().getVariable(review.getId(), "completionsReport");
    assertThat(report).contains("2 completion(s) applied", "Row 1: ", "CSP phase 1, 20 hours", "Row 2: ",
        "CSP phase 1, 12 hours");
    district.runJobs(reference);
    assertThat(phaseOne(reference, 0).get("hoursEarned").asInt()).isEqualTo(20);
    assertThat(phaseOne(reference, 1).get("hoursEarned").asInt()).isEqualTo(12);
    // The "completed on" of each row is kept, and the district's PD hours report (CSV) shows it.
    assertThat(phaseOne(reference, 0).get("completedOn").asText()).isEqualTo("2026-06-30");
    assertThat(phaseOne(reference, 1).get("completedOn").asText()).isEqualTo("2026-06-29");
    Http.Response hoursCsv = http.get("/district/partnerships/" + reference + "/pd-hours.csv?token=" + approved.token(),
        null);
    assertThat(hoursCsv.status()).isEqualTo(200);
    assertThat(hoursCsv.body()).contains(",2026-06-30,20\r\n", ",2026-06-29,12\r\n");
    Http.Response done = http.post("/engine-rest/task/" + review.getId() + "/submit-form", PD_MANAGER,
        Map.of("variables", Map.of()), Map.of());
    assertThat(done.status()).as(done.body()).isIn(200, 204);

    // The same file again: each phase is no longer open.
    Http.Response again = startCompletions(header + hs + ",CSP,1,2026-06-30,20\n");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).contains("Row 1: phase 1 of", "not open");
  }

  @Test
  void aPartnershipManagerReissuesADistrictsLinkFromTheStartForm() {
    DistrictJourney.Approved approved = district.run(PdJourney.application());
    Http.Response unknown = http.post("/engine-rest/process-definition/key/district-link-reissue/submit-form", MANAGER,
        Map.of("variables", Map.of("partnershipReference", Map.of("value", "DP-1999-0001"))), Map.of());
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("No partnership DP-1999-0001");
    Http.Response byPdManager = http.post("/engine-rest/process-definition/key/district-link-reissue/submit-form",
        PD_MANAGER, Map.of("variables", Map.of("partnershipReference", Map.of("value", approved.reference()))), Map.of());
    assertThat(byPdManager.status()).as(byPdManager.body()).isEqualTo(403);

    Http.Response beforeReissue = http.post("/api/partnerships/" + approved.reference() + "/plan", null, Map.of(),
        Map.of("X-Partnership-Token", approved.token()));
    assertThat(beforeReissue.status()).isNotIn(401, 403, 404);
    Http.Response reissued = http.post("/engine-rest/process-definition/key/district-link-reissue/submit-form", MANAGER,
        Map.of("variables", Map.of("partnershipReference", Map.of("value", approved.reference()))), Map.of());
    assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
    assertThat(http.get("/api/partnerships/" + approved.reference(), MANAGER).body()).contains("ACCESS_LINK_REISSUED");
    Http.Response oldLink = http.post("/api/partnerships/" + approved.reference() + "/plan", null, Map.of(),
        Map.of("X-Partnership-Token", approved.token()));
    assertThat(oldLink.status()).isIn(401, 403, 404);
  }

  private Http.Response startCompletions(String csv) {
    return http.post("/engine-rest/process-definition/key/" + OnlinePdCompletionsProcess.PROCESS_KEY + "/submit-form",
        PD_MANAGER, Map.of("variables", Map.of("reportKind", Map.of("value", "CSV"),
            "completionsCsv", Map.of("value", csv))), Map.of());
  }

  private JsonNode phaseOne(String reference, int teacher) {
    return pd.detail(reference).get("professionalDevelopment").get(teacher).get("phases").get(0);
  }

  private List<String> startable(String credentials) {
    List<String> keys = new ArrayList<>();
    http.get(STARTABLE, credentials).json().forEach(d -> keys.add(d.get("key").asText()));
    return keys;
  }
}
