package org.codeorg.partnerships.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.runtime.Job;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The start form "Migrate running partnerships" in the application: only camunda-admin can see
 * and start it; a dry run shows its report in a task form assigned to the administrator. (Only
 * the dry run runs here: a migration in the shared context would move other tests' instances.)
 */
class MigrationStartFormTest extends SpringIntegrationTest {

  private static final String STARTABLE =
      "/engine-rest/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true";

  @Test
  void onlyAdministratorsSeeAndStartTheMigrationForm() {
    Http http = new Http(baseUrl());
    assertThat(keys(http.get(STARTABLE, "admin:admin"))).contains(InstanceMigrationProcess.PROCESS_KEY);
    for (String user : List.of("manager", "pdmanager", "facilitator", "evaluator", "liaison")) {
      assertThat(keys(http.get(STARTABLE, user + ":" + user))).as(user).doesNotContain(InstanceMigrationProcess.PROCESS_KEY);
      assertThat(http.post("/engine-rest/process-definition/key/" + InstanceMigrationProcess.PROCESS_KEY + "/submit-form",
          user + ":" + user, dryRunOnly(), Map.of()).status()).as(user + " starting it").isEqualTo(403);
    }
  }

  @Test
  void aDryRunShowsItsReportInTheAdministratorsTaskForm() {
    Http http = new Http(baseUrl());
    Http.Response started = http.post("/engine-rest/process-definition/key/" + InstanceMigrationProcess.PROCESS_KEY
        + "/submit-form", "admin:admin", dryRunOnly(), Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    for (Job job : processEngine.getManagementService().createJobQuery().processInstanceId(instanceId).list()) {
      processEngine.getManagementService().executeJob(job.getId());
    }

    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + instanceId, "admin:admin").json();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(InstanceMigrationProcess.TASK_READ_REPORT);
    assertThat(tasks.get(0).get("assignee").asText()).isEqualTo("admin");
    assertThat(http.get("/engine-rest/task/" + taskId + "/deployed-form", "admin:admin").status()).isEqualTo(200);
    String report = http.get("/engine-rest/task/" + taskId + "/form-variables", "admin:admin").json()
        .path("migrationReport").path("value").asText();
    assertThat(report).containsAnyOf("nothing to migrate", "instances on older versions");

    assertThat(http.post("/engine-rest/task/" + taskId + "/submit-form", "admin:admin", Map.of("variables", Map.of()),
        Map.of()).status()).isEqualTo(204);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
  }

  private static Map<String, Object> dryRunOnly() {
    return Map.of("variables", Map.of("dryRunOnly", Map.of("value", true, "type", "Boolean")));
  }

  private static List<String> keys(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    response.json().forEach(definition -> keys.add(definition.get("key").asText()));
    return keys;
  }
}
