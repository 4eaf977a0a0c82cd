package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.codeorg.partnerships.support.DueJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The teacher PD model on its own: the guarantee (answered, missing, refused), every phase in
 * order, a missed phase with make-up or withdrawal, deadlines by time travel. Delegates are
 * stand-ins that keep the variables the real ones keep; the real ones run in {@code DistrictJourneyTest}.
 */
@Deployment(resources = {"bpmn/professional-development.bpmn", "forms/confirm-teacher-commitment.form",
    "forms/decide-missing-commitment.form", "forms/decide-missed-phase.form"})
class ProfessionalDevelopmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-unit-test.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant START = Instant.parse("2027-04-01T09:00:00Z");
  private static final int HIGH_SCHOOL_PHASES = 4;

  private final List<String> calls = new ArrayList<>();
  private Instant now;

  @BeforeEach
  void standInDelegates() {
    init(engine.getProcessEngine());
    travelTo(START);
    Mocks.register("requestTeacherCommitment", (JavaDelegate) execution -> {
      calls.add("requestTeacherCommitment");
      execution.setVariable("commitmentDeadline", Date.from(now.plus(Duration.ofDays(21))));
    });
    Mocks.register("enrolTeacherInPd", (JavaDelegate) execution -> {
      calls.add("enrolTeacherInPd");
      execution.setVariable("phaseCount", HIGH_SCHOOL_PHASES);
      execution.setVariable("phaseNumber", 0);
    });
    Mocks.register("openNextPdPhase", (JavaDelegate) execution -> {
      int next = (Integer) execution.getVariable("phaseNumber") + 1;
      calls.add("openNextPdPhase#" + next);
      execution.setVariable("phaseNumber", next);
      execution.setVariable("phaseDueDate", Date.from(now.plus(Duration.ofDays(60))));
    });
    Mocks.register("scheduleMakeUp", (JavaDelegate) execution -> {
      calls.add("scheduleMakeUp#" + execution.getVariable("phaseNumber"));
      execution.setVariable("phaseDueDate", Date.from(now.plus(Duration.ofDays(60))));
    });
    for (String name : List.of("recordTeacherCommitment", "replaceTeacher", "withdrawTeacherFromPd",
        "grantOnlinePdAccess", "recordPdPhaseCompleted", "recordPdPhaseMissed", "issuePdCertificate")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aGuaranteedTeacherCompletesEveryPhaseInOrderAndGetsTheCertificate() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_CONFIRM_COMMITMENT);
    assertThat(task(instance)).hasCandidateGroup("district-liaisons").hasDueDate(Date.from(START.plus(Duration.ofDays(21))));

    districtAnswers("COMMITS");
    runJobs();
    for (int phase = 1; phase <= HIGH_SCHOOL_PHASES; phase++) {
      assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT);
      report(phase, true, 25);
      runJobs();
    }

    assertThat(instance).isEnded().hasPassed("Task_IssuePdCertificate", "EndEvent_PdCompleted")
        .hasNotPassed("Task_DecideMissedPhase", "Task_DecideMissingCommitment");
    assertThat(calls).containsExactly("requestTeacherCommitment", "recordTeacherCommitment", "enrolTeacherInPd",
        "grantOnlinePdAccess", "openNextPdPhase#1", "recordPdPhaseCompleted", "openNextPdPhase#2",
        "recordPdPhaseCompleted", "openNextPdPhase#3", "recordPdPhaseCompleted", "openNextPdPhase#4",
        "recordPdPhaseCompleted", "issuePdCertificate");
  }

  @Test
  void aLiaisonCanRecordTheGuarantee() {
    ProcessInstance instance = start();
    complete(task(instance), withVariables("teacherCommitment", "COMMITS"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT)
        .hasPassed("Gateway_CommitmentAnswerMerge", "Task_EnrolTeacherInPd");
  }

  @Test
  void noGuaranteeByTheDeadlineGoesToAPdManagerWhoReplacesTheTeacher() {
    ProcessInstance instance = start();
    travel(Duration.ofDays(21).plusMinutes(1));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_DECIDE_MISSING_COMMITMENT)
        .hasPassed("Boundary_CommitmentDeadline");
    assertThat(task(instance)).hasCandidateGroup("pd-managers");

    complete(task(instance), withVariables("commitmentDecision", "REPLACE", "replacementName", "Kai Moore",
        "replacementEmail", "kmoore@district.test"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_CONFIRM_COMMITMENT);
    assertThat(calls).containsExactly("requestTeacherCommitment", "replaceTeacher", "requestTeacherCommitment");

    districtAnswers("COMMITS");
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT);
  }

  @Test
  void aTeacherWhoCannotCommitIsWithdrawn() {
    ProcessInstance instance = start();
    districtAnswers("CANNOT_COMMIT");
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_DECIDE_MISSING_COMMITMENT);
    complete(task(instance), withVariables("commitmentDecision", "WITHDRAW", "pdDecisionNotes", "Moved schools"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_WithdrawTeacherFromPd", "EndEvent_TeacherWithdrawn");
    assertThat(calls).doesNotContain("enrolTeacherInPd");
  }

  @Test
  void aMissedPhaseIsMadeUpAndTheTeacherGoesOn() {
    ProcessInstance instance = toFirstPhase();
    travel(Duration.ofDays(60).plusMinutes(1));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_DECIDE_MISSED_PHASE)
        .hasPassed("Boundary_PhaseDeadline", "Task_RecordPdPhaseMissed");
    assertThat(task(instance)).hasCandidateGroup("pd-managers");

    complete(task(instance), withVariables("missedPhaseDecision", "MAKE_UP"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT);
    report(1, true, 20);
    runJobs();
    assertThat(calls).containsSubsequence("recordPdPhaseMissed", "scheduleMakeUp#1", "recordPdPhaseCompleted",
        "openNextPdPhase#2");
  }

  @Test
  void incompleteWorkshopAttendanceCanEndInWithdrawal() {
    ProcessInstance instance = toFirstPhase();
    report(1, false, 7);
    assertThat(instance).isWaitingAt("Task_RecordPdPhaseMissed");
    runJobs();
    complete(task(instance), withVariables("missedPhaseDecision", "WITHDRAW"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Gateway_PhaseMissedMerge", "EndEvent_TeacherWithdrawn")
        .hasNotPassed("Task_RecordPdPhaseCompleted");
  }

  private ProcessInstance toFirstPhase() {
    ProcessInstance instance = start();
    districtAnswers("COMMITS");
    runJobs();
    return instance;
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProfessionalDevelopmentProcess.PROCESS_KEY,
        "DP-2027-0042", Map.of("partnershipId", 42L, "teacherId", 7L));
    runJobs();
    return instance;
  }

  private void districtAnswers(String answer) {
    runtimeService().createMessageCorrelation(ProfessionalDevelopmentProcess.MESSAGE_COMMITMENT)
        .processInstanceBusinessKey("DP-2027-0042").processInstanceVariableEquals("teacherId", 7L)
        .setVariable("teacherCommitment", answer).correlate();
  }

  private void report(int phase, boolean attended, int hours) {
    runtimeService().createMessageCorrelation(ProfessionalDevelopmentProcess.MESSAGE_PHASE_REPORTED)
        .processInstanceVariableEquals("teacherId", 7L).processInstanceVariableEquals("phaseNumber", phase)
        .setVariable("phaseAttended", attended).setVariable("phaseHours", hours).correlate();
  }

  private void runJobs() {
    DueJobs.run(managementService());
  }

  private void travel(Duration duration) {
    travelTo(now.plus(duration));
  }

  private void travelTo(Instant instant) {
    now = instant;
    DueJobs.travelTo(instant);
  }
}
