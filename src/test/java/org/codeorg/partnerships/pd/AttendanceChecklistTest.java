package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.workshop.WorkshopProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session attendance form is a checklist of every enrolled teacher, however many: 150 names
 * reach Tasklist's form variables whole (a Json variable, the type Tasklist maps to a checklist's
 * {@code valuesKey}), a value that is not an option is refused with the field named, and ticking
 * all 150 completes the task. The task carries {@code forms/record-session-attendance.form}, as the
 * workshop's attendance task does, in a one-task model so that no 150 teachers need a PD journey.
 */
class AttendanceChecklistTest extends SpringIntegrationTest {

  private static final int TEACHERS = 150;

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aHundredAndFiftyTeachersAreAllOnTheChecklistAndOnlyTheirNamesAreAccepted() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("attendance-checklist-test")
        .camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_RecordSessionAttendance").name("Record session attendance")
        .camundaCandidateGroups("facilitators").camundaFormRef("Form_RecordSessionAttendance")
        .camundaFormRefBinding("latest").endEvent().done();
    deployment = repositoryService.createDeployment().addModelInstance("attendance-checklist-test.bpmn", model).deploy();
    Map<Long, String> labels = new LinkedHashMap<>();
    for (long id = 1; id <= TEACHERS; id++) {
      labels.put(1000 + id, "Teacher " + id + " with a long name (DP-2027-" + (1000 + id) + ", Springfield High School)");
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(WorkshopProcess.ATTENDANCE_OPTIONS.name(), AttendanceList.options(labels));
    variables.put("workshopTitle", "CSP phase 2");
    variables.put("sessionNumber", 1);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("attendance-checklist-test", variables);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Http http = new Http(baseUrl());
    PdJourney pd = new PdJourney(http, processEngine, null, "facilitator:facilitator");

    // What Tasklist loads for the form: the options whole, typed Json.
    JsonNode formVariables = http.get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false",
        "facilitator:facilitator").json();
    assertThat(formVariables.path("attendanceOptions").path("type").asText()).isEqualTo("Json");
    JsonNode options = pd.checklistOptions(task.getId(), "attendanceOptions", "facilitator:facilitator");
    assertThat(options).hasSize(TEACHERS);
    List<String> shown = new ArrayList<>();
    List<String> values = new ArrayList<>();
    options.forEach(option -> {
      shown.add(option.get("label").asText());
      values.add(option.get("value").asText());
    });
    assertThat(shown).containsExactlyElementsOf(labels.values());

    // A value that is not an option: 400 naming the field, the task stays open.
    List<String> forged = new ArrayList<>(values.subList(0, 3));
    forged.add("999999");
    Http.Response refused = pd.submitChecklistAnswer(task.getId(), "presentTeachers", forged, "facilitator:facilitator");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("presentTeachers");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("'999999' is not one of the form's options");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    Http.Response notAList = http.post("/engine-rest/task/" + task.getId() + "/submit-form", "facilitator:facilitator",
        Map.of("variables", Map.of("presentTeachers", Map.of("value", "1001, 1002"))), Map.of());
    assertThat(notAList.status()).as(notAList.body()).isEqualTo(400);

    // All 150 ticked.
    pd.submitChecklist(task.getId(), "presentTeachers", values, "facilitator:facilitator");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }
}
