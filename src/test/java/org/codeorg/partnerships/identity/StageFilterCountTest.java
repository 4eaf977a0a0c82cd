package org.codeorg.partnerships.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every stage filter shows each group exactly the tasks of that stage: for every demo user and
 * stage filter, Camunda's REST count ({@code POST /engine-rest/filter/{id}/count} as that user)
 * equals the tasks the user may see whose partnership — found by walking from the task's instance
 * up to the lifecycle instance that called it, and read from the partnership's row, not from any
 * process variable — is in that stage. The sample "Maple Ridge Unified" is in implementation with
 * its PD and classroom set-up tasks in called instances, which the filter missed before.
 */
class StageFilterCountTest extends SpringIntegrationTest {

  private static final List<String> USERS = List.of("manager", "pdmanager", "facilitator", "evaluator", "liaison");

  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  PartnershipRepository partnerships;

  @Test
  void eachStageFilterCountsExactlyTheTasksOfItsStageForEveryUser() {
    Http http = new Http(baseUrl());
    Map<String, Map<PartnershipStage, Integer>> counted = new HashMap<>();
    for (PartnershipStage stage : PartnershipStage.values()) {
      if (!stage.hasStaffWork()) {
        continue;
      }
      Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.STAGE_PREFIX + stage.label())
          .singleResult();
      assertThat(filter).as("filter of %s", stage).isNotNull();
      for (String user : USERS) {
        Http.Response count = http.post("/engine-rest/filter/" + filter.getId() + "/count", user + ":" + user,
            Map.of(), Map.of());
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        int expected = expectedCount(user, stage);
        assertThat(count.json().get("count").asInt()).as("%s, filter %s", user, stage.label()).isEqualTo(expected);
        counted.computeIfAbsent(user, u -> new HashMap<>()).put(stage, expected);
      }
    }
    // The case of the issue: PD and set-up tasks live in called instances.
    assertThat(counted.get("liaison").get(PartnershipStage.IMPLEMENTATION)).isGreaterThanOrEqualTo(3);
    assertThat(counted.get("manager").get(PartnershipStage.APPLICATION_REVIEW)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void cardsOfCalledInstancesShowPartnershipDistrictAndStage() throws Exception {
    Http http = new Http(baseUrl());
    Filter filter = filterService.createFilterQuery()
        .filterName(TasklistFilters.STAGE_PREFIX + PartnershipStage.IMPLEMENTATION.label()).singleResult();
    Http.Response list = http.raw("GET", "/engine-rest/filter/" + filter.getId() + "/list", "liaison:liaison", null,
        null, Map.of("Accept", "application/hal+json"));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode body = list.json();
    List<String> districts = new ArrayList<>();
    for (JsonNode variable : body.path("_embedded").path("task").findValues("variable").stream()
        .flatMap(list2 -> java.util.stream.StreamSupport.stream(list2.spliterator(), false)).toList()) {
      if (LifecycleProcess.VAR_DISTRICT_NAME.equals(variable.get("name").asText())) {
        districts.add(variable.get("value").asText());
      }
    }
    assertThat(districts).contains("Maple Ridge Unified");
    List<String> stages = new ArrayList<>();
    for (JsonNode variable : body.path("_embedded").path("task").findValues("variable").stream()
        .flatMap(list2 -> java.util.stream.StreamSupport.stream(list2.spliterator(), false)).toList()) {
      if (LifecycleProcess.VAR_PARTNERSHIP_STAGE.equals(variable.get("name").asText())) {
        stages.add(variable.get("value").asText());
      }
    }
    assertThat(stages).isNotEmpty().containsOnly(PartnershipStage.IMPLEMENTATION.name());
  }

  /** The tasks {@code user} may see (candidate of one of their groups, or assignee) in the stage. */
  private int expectedCount(String user, PartnershipStage stage) {
    Map<String, Task> visible = new HashMap<>();
    taskService.createTaskQuery().taskCandidateUser(user).includeAssignedTasks().list()
        .forEach(task -> visible.put(task.getId(), task));
    taskService.createTaskQuery().taskAssignee(user).list().forEach(task -> visible.put(task.getId(), task));
    int matching = 0;
    for (Task task : visible.values()) {
      String reference = partnershipOf(task.getProcessInstanceId());
      if (reference != null && partnerships.findByReference(reference).orElseThrow().getStage() == stage) {
        matching++;
      }
    }
    return matching;
  }

  /** The business key of the lifecycle instance at the top of the call chain, or null if there is none. */
  private String partnershipOf(String processInstanceId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    while (true) {
      ProcessInstance caller = runtimeService.createProcessInstanceQuery().subProcessInstanceId(instance.getId())
          .singleResult();
      if (caller == null) {
        break;
      }
      instance = caller;
    }
    boolean lifecycle = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).count() == 1;
    return lifecycle ? instance.getBusinessKey() : null;
  }
}
