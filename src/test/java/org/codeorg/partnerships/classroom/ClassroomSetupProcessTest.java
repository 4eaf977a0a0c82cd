package org.codeorg.partnerships.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up model of one section on its own: facts from a liaison or the district, the readiness
 * decision's three outcomes (ready, not ready, cost needing approval), the overdue reminder, the
 * escalation with extension or dropping. The decision's results are stand-ins, taken in order.
 */
@Deployment(resources = {"bpmn/classroom-setup.bpmn", "forms/record-section-readiness.form",
    "forms/approve-materials-cost.form", "forms/decide-unready-section.form"})
class ClassroomSetupProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  private static final Instant START = Instant.parse("2027-04-01T09:00:00Z");
  private static final Instant DEADLINE = Instant.parse("2027-07-19T00:00:00Z");
  private static final Instant ESCALATION = DEADLINE.plus(Duration.ofDays(7));

  private final List<String> calls = new ArrayList<>();
  private final Deque<String> results = new ArrayDeque<>();

  @BeforeEach
  void standIns() {
    engine.travelTo(START);
    Mocks.register("sendSetupChecklist", (JavaDelegate) execution -> deadlines(execution, DEADLINE));
    Mocks.register("extendSetupDeadline", (JavaDelegate) execution -> {
      calls.add("extendSetupDeadline");
      deadlines(execution, ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14)));
    });
    Mocks.register("assessReadiness", (JavaDelegate) execution -> {
      String result = results.pop();
      calls.add("assess:" + result);
      execution.setVariable("readinessResult", result);
    });
    Mocks.register("completingUser", (TaskListener) task -> task.getExecution().setVariable("completedBy", "manager"));
    for (String name : List.of("storeLiaisonReport", "recordCostApproval", "confirmSectionReady", "askDistrictToFix",
        "remindSetupOverdue", "dropSection")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
  }

  @Test
  void aLiaisonReportsAReadySection() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_RECORD_READINESS);
    assertThat(task(instance)).hasCandidateGroup("district-liaisons").hasDueDate(Date.from(DEADLINE));
    results.add("READY");
    complete(task(instance), withVariables("timeSlot", "Period 3", "room", "B-204", "courseCode", "CS101",
        "oneToOneComputing", true, "bandwidthMbps", 50L, "materialsReady", true, "materialsCostPerClass", 80L));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_StoreLiaisonReport", "Task_ConfirmSectionReady", "EndEvent_SectionReady");
  }

  @Test
  void aSectionNotReadyGoesBackToTheDistrictUntilItIs() {
    ProcessInstance instance = start();
    results.addAll(List.of("NOT_READY", "READY"));
    districtReports();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_RECORD_READINESS)
        .hasPassed("Boundary_ReadinessReported", "Task_AskDistrictToFix");
    districtReports();
    assertThat(instance).isEnded();
    assertThat(calls).containsExactly("assess:NOT_READY", "askDistrictToFix", "assess:READY", "confirmSectionReady");
  }

  @Test
  void materialsOverTheExpectedCostNeedAManagersApproval() {
    ProcessInstance instance = start();
    results.addAll(List.of("NEEDS_APPROVAL", "READY"));
    districtReports();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_APPROVE_COST);
    assertThat(task(instance)).hasCandidateGroup("partnership-managers");
    complete(task(instance), withVariables("costDecision", "APPROVE"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_RecordCostApproval");
    assertThat(calls).containsExactly("assess:NEEDS_APPROVAL", "recordCostApproval", "assess:READY", "confirmSectionReady");
  }

  @Test
  void aRejectedCostIsSentBackToTheDistrict() {
    ProcessInstance instance = start();
    results.add("NEEDS_APPROVAL");
    districtReports();
    complete(task(instance), withVariables("costDecision", "REJECT"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_RECORD_READINESS).hasPassed("Task_AskDistrictToFix");
  }

  @Test
  void anOverdueSectionIsRemindedThenEscalatedAndCanBeExtended() {
    ProcessInstance instance = start();
    engine.travelTo(DEADLINE.plusSeconds(1));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_RECORD_READINESS).hasPassed("EndEvent_SetupReminded");
    assertThat(calls).containsOnlyOnce("remindSetupOverdue");

    engine.travelTo(ESCALATION.plusSeconds(1));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_DECIDE_UNREADY);
    assertThat(task(instance)).hasCandidateGroup("partnership-managers");
    complete(task(instance), withVariables("unreadyDecision", "EXTEND"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ClassroomProcess.TASK_RECORD_READINESS);
    assertThat(taskQuery().singleResult().getDueDate()).isAfter(Date.from(ESCALATION));
  }

  @Test
  void anEscalatedSectionCanBeDropped() {
    ProcessInstance instance = start();
    engine.travelTo(ESCALATION.plusSeconds(1));
    runJobs();
    complete(task(instance), withVariables("unreadyDecision", "DROP", "unreadyNotes", "No teacher for the section"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_DropSection", "EndEvent_SectionDropped");
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ClassroomProcess.PROCESS_KEY, "DP-2027-0042",
        Map.of("partnershipId", 42L, "sectionId", 5L));
    runJobs();
    return instance;
  }

  private void districtReports() {
    runtimeService().createMessageCorrelation(ClassroomProcess.MESSAGE_READINESS)
        .processInstanceVariableEquals("sectionId", 5L).correlate();
    runJobs();
  }

  private static void deadlines(org.camunda.bpm.engine.delegate.DelegateExecution execution, Instant deadline) {
    execution.setVariable("readinessDeadline", Date.from(deadline));
    execution.setVariable("escalationAt", Date.from(deadline.plus(Duration.ofDays(7))));
  }

  private void runJobs() {
    engine.runDueJobs();
  }
}
