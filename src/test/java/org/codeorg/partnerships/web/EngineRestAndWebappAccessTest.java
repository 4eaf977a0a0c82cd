package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.engine.TaskAssignedElsewhereException;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.lifecycle.TaskCompletionTimeline;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.codeorg.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Camunda REST API and webapps over HTTP, as staff and outside callers reach them. */
class EngineRestAndWebappAccessTest extends SpringIntegrationTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  IdentityService identityService;

  @Test
  void engineRestRefusesCallersWithoutValidCredentials() throws Exception {
    // A user of its own: a wrong password makes the engine throttle that user's log-ins for a while.
    if (identityService.createUserQuery().userId("restprobe").count() == 0) {
      User probe = identityService.newUser("restprobe");
      probe.setPassword("probe-password");
      identityService.saveUser(probe);
      identityService.createMembership("restprobe", "partnership-managers");
    }
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "restprobe:wrong").statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/process-definition", "nobody:nobody").statusCode()).isEqualTo(401);
  }

  @Test
  void aManagerSeesAndOpensReviewTasksAnEvaluatorDoesNot() throws Exception {
    HttpResponse<String> tasks = get("/engine-rest/task?taskDefinitionKey=Task_ReviewApplication", "manager:manager");
    assertThat(tasks.statusCode()).isEqualTo(200);
    JsonNode managerTasks = json.readTree(tasks.body());
    assertThat(managerTasks.size()).isGreaterThanOrEqualTo(2);
    String taskId = managerTasks.get(0).get("id").asText();

    HttpResponse<String> form = get("/engine-rest/task/" + taskId + "/deployed-form", "manager:manager");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(json.readTree(form.body()).get("id").asText()).isEqualTo("Form_ReviewApplication");
    HttpResponse<String> variables = get("/engine-rest/task/" + taskId + "/form-variables", "manager:manager");
    assertThat(json.readTree(variables.body()).has("partnershipReference")).isTrue();

    HttpResponse<String> evaluatorTasks = get("/engine-rest/task?taskDefinitionKey=Task_ReviewApplication",
        "evaluator:evaluator");
    assertThat(evaluatorTasks.statusCode()).isEqualTo(200);
    assertThat(json.readTree(evaluatorTasks.body()).isArray()).isTrue();
    assertThat(json.readTree(evaluatorTasks.body()).size()).isZero();
    assertThat(get("/engine-rest/task/" + taskId + "/deployed-form", "evaluator:evaluator").statusCode())
        .isIn(403, 404);
  }

  @Test
  void aManagerKeysInAnApplicationThroughTheStartFormAnEvaluatorMayNot() throws Exception {
    Map<String, Object> application = TestApplications.startForm();
    String body = variablesBody(application);
    String submitForm = "/engine-rest/process-definition/key/partnership-lifecycle/submit-form";

    HttpResponse<String> refused = post(submitForm, "evaluator:evaluator", body);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(partnerships.findByDistrictNcesIdAndSchoolYear((String) application.get("districtNcesId"), "2027-2028"))
        .isEmpty();

    HttpResponse<String> started = post(submitForm, "manager:manager", body);
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(json.readTree(started.body()).get("businessKey").asText()).matches("DP-\\d{4}-\\d{4}");
    assertThat(partnerships.findByDistrictNcesIdAndSchoolYear((String) application.get("districtNcesId"), "2027-2028"))
        .isPresent();
  }

  @Test
  void anInvalidStartFormIsAnsweredWithABadRequestThatNamesTheField() throws Exception {
    Map<String, Object> application = TestApplications.startForm();
    application.put("course", "CS_ALGEBRA");
    HttpResponse<String> response = post("/engine-rest/process-definition/key/partnership-lifecycle/submit-form",
        "manager:manager", variablesBody(application));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText())
        .contains("courses[0].course").contains("middle school course");
  }

  @Test
  void aManagerLogsInToTasklistAndSeesReviewWork() throws Exception {
    WebappSession tasklist = WebappSession.logIn(baseUrl(), "tasklist", "manager", "manager");
    assertThat(tasklist.loginStatus()).isEqualTo(200);

    HttpResponse<String> count = tasklist.get("/camunda/api/engine/engine/default/task/count?taskDefinitionKey=Task_ReviewApplication");
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(json.readTree(count.body()).get("count").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void cockpitServesTheLifecycleDiagramToAdministrators() throws Exception {
    HttpResponse<String> xml = get("/engine-rest/process-definition/key/partnership-lifecycle/xml", "admin:admin");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(json.readTree(xml.body()).get("bpmn20Xml").asText()).contains("bpmndi:BPMNDiagram");
    assertThat(get("/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);
  }

  /**
   * A second partnership manager claims "Review application"; {@code manager} declines it from a
   * stale Tasklist page and over REST (complete and submit-form): 403 naming the assignee, the task
   * stays open and the district is not declined. The assignee then completes it in Tasklist, and
   * the timeline names them.
   */
  @Test
  void aClaimedTaskIsCompletedByItsAssigneeOnly() throws Exception {
    String second = partnershipManager("manager2");
    String reference = apply();
    Task review = reviewTask(reference);
    assertThat(post("/engine-rest/task/" + review.getId() + "/claim", second + ":" + second,
        "{\"userId\":\"" + second + "\"}").statusCode()).isEqualTo(204);
    String decline = variablesBody(Map.of("reviewDecision", "DECLINE", "declineReason", "Not this year"));

    WebappSession stalePage = WebappSession.logIn(baseUrl(), "tasklist", "manager", "manager");
    for (HttpResponse<String> refused : List.of(
        stalePage.postJson("/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form", decline),
        post("/engine-rest/task/" + review.getId() + "/complete", "manager:manager", decline),
        post("/engine-rest/task/" + review.getId() + "/submit-form", "manager:manager", decline))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(refused.body())
          .startsWith("application/problem+json");
      JsonNode problem = json.readTree(refused.body());
      assertThat(problem.get("title").asText()).isEqualTo("Task assigned to someone else");
      assertThat(problem.get("detail").asText()).contains("Review application", "assigned to " + second);
      assertThat(problem.get("message").asText()).contains(second);
    }
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo(second);
    assertThat(partnerships.findByReference(reference).orElseThrow().getStage()).isEqualTo(PartnershipStage.APPLICATION_REVIEW);

    WebappSession assignee = WebappSession.logIn(baseUrl(), "tasklist", second, second);
    HttpResponse<String> done = assignee.postJson(
        "/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form",
        variablesBody(Map.of("reviewDecision", "ACCEPT")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isZero();
    assertThat(timeline(reference)).contains(TaskCompletionTimeline.detail("Review application", second));
  }

  /** An unassigned task is completed by a member of its candidate group, and recorded as theirs. */
  @Test
  void anUnassignedTaskIsCompletedByAMemberOfItsGroupAndRecordedAsTheirs() throws Exception {
    String reference = apply();
    Task review = reviewTask(reference);
    assertThat(review.getAssignee()).isNull();

    HttpResponse<String> done = post("/engine-rest/task/" + review.getId() + "/complete", "manager:manager",
        variablesBody(Map.of("reviewDecision", "ACCEPT")));

    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(timeline(reference)).contains(TaskCompletionTimeline.detail("Review application", "manager"));
  }

  /**
   * The engine checks the assignee itself, inside the completion, for callers that do not pass the
   * HTTP guard (the application's own calls, a claim between the guard's look and the completion).
   */
  @Test
  void theEngineRefusesACompletionBySomeoneElseWhateverTheCaller() throws Exception {
    String second = partnershipManager("manager2");
    Task review = reviewTask(apply());
    processEngine.getTaskService().claim(review.getId(), second);

    processEngine.getIdentityService().setAuthentication("manager", List.of(StaffGroups.PARTNERSHIP_MANAGERS));
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().complete(review.getId(), Map.of("reviewDecision", "ACCEPT")))
          .isInstanceOf(ProcessEngineException.class).hasCauseInstanceOf(TaskAssignedElsewhereException.class);
      assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(review.getId(),
          Map.of("reviewDecision", "ACCEPT"))).hasCauseInstanceOf(TaskAssignedElsewhereException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo(second);
  }

  private String partnershipManager(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(id);
      identityService.saveUser(user);
      identityService.createMembership(id, StaffGroups.PARTNERSHIP_MANAGERS);
    }
    return id;
  }

  private String apply() {
    Http.Response applied = new Http(baseUrl()).post("/api/applications", null, Http.application(), Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    return applied.json().get("reference").asText();
  }

  private Task reviewTask(String reference) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_ReviewApplication").singleResult();
  }

  private List<String> timeline(String reference) throws Exception {
    List<String> entries = new java.util.ArrayList<>();
    json.readTree(get("/api/partnerships/" + reference, "manager:manager").body()).get("timeline").forEach(entry -> {
      if (entry.get("event").asText().equals(TaskCompletionTimeline.EVENT)) {
        entries.add(entry.get("detail").asText());
      }
    });
    return entries;
  }

  private String variablesBody(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return json.writeValueAsString(Map.of("variables", variables));
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (credentials != null) {
      request.header("Authorization", basic(credentials));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String credentials, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic(credentials))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
