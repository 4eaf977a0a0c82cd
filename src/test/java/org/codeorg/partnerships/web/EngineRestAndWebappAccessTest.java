package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.partnership.PartnershipRepository;
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
    String body = startFormBody(application);
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
        "manager:manager", startFormBody(application));

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

  private String startFormBody(Map<String, Object> application) throws Exception {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    application.forEach((name, value) -> variables.put(name, Map.of("value", value)));
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
