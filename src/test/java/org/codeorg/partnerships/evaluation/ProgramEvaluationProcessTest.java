package org.codeorg.partnerships.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The evaluation model on its own: data from a liaison (checked) or the district, the reminder, the evaluator, the report. */
@Deployment(resources = {"bpmn/program-evaluation.bpmn", "forms/record-evaluation-data.form", "forms/assess-program.form"})
class ProgramEvaluationProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  private static final Instant START = Instant.parse("2028-07-01T00:00:00Z");
  private static final Instant DUE = START.plus(Duration.ofDays(31));

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    engine.travelTo(START);
    Mocks.register("requestEvaluationData", (JavaDelegate) execution -> execution.setVariable("evaluationDataDueAt", Date.from(DUE)));
    Mocks.register("validateEvaluationData", new EvaluationDelegates().validateEvaluationData());
    Mocks.register("completingUser", (TaskListener) task -> task.getExecution().setVariable("completedBy", "evaluator"));
    for (String name : List.of("remindEvaluationData", "storeEvaluationData", "summarizePd", "sendEvaluationReport")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
  }

  @Test
  void aLiaisonRecordsCheckedDataAndTheEvaluatorReports() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(EvaluationProcess.TASK_RECORD_DATA);
    assertThat(task(instance)).hasCandidateGroup("district-liaisons").hasDueDate(Date.from(DUE));

    assertThatThrownBy(() -> complete(task(instance), withVariables("courseResults", "CSP, 2, 50, 60")))
        .hasMessageContaining("studentsCompleted");
    complete(task(instance), withVariables("courseResults", "CSP, 2, 55, 50\nECS, 3, 80, 71"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(EvaluationProcess.TASK_ASSESS_PROGRAM);
    assertThat(task(instance)).hasCandidateGroup("evaluators");

    complete(task(instance), withVariables("pdAssessment", "Strong", "studentOutcomes", "Good", "conclusions", "Renew",
        "evaluationRecommendation", "RENEW"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_SendEvaluationReport", "EndEvent_ProgramEvaluated");
    assertThat(calls).containsExactly("storeEvaluationData", "summarizePd", "sendEvaluationReport");
  }

  @Test
  void theDistrictSubmitsLateAfterAReminder() {
    ProcessInstance instance = start();
    engine.travelTo(DUE.plusSeconds(1));
    runJobs();
    assertThat(instance).isWaitingAtExactly(EvaluationProcess.TASK_RECORD_DATA).hasPassed("EndEvent_EvaluationDataReminded");

    runtimeService().createMessageCorrelation(EvaluationProcess.MESSAGE_DATA).processInstanceBusinessKey("DP-2027-0042")
        .correlate();
    runJobs();
    assertThat(instance).isWaitingAtExactly(EvaluationProcess.TASK_ASSESS_PROGRAM).hasPassed("Boundary_EvaluationDataSubmitted");
    assertThat(calls).containsExactly("remindEvaluationData", "summarizePd");
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(EvaluationProcess.PROCESS_KEY, "DP-2027-0042",
        Map.of("partnershipId", 42L));
    runJobs();
    return instance;
  }

  private void runJobs() {
    engine.runDueJobs();
  }
}
