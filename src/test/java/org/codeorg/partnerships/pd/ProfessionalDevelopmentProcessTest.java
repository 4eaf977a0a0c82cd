package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.COMMITMENT_DEADLINE;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.COMMITMENT_DECISION;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.MISSED_PHASE_DECISION;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.MORE_PHASES;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PARTNERSHIP_ID;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PD_DECISION_NOTES;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_ATTENDED;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_COUNT;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_DUE_DATE;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_HOURS;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_NUMBER;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.REPLACEMENT_EMAIL;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.REPLACEMENT_NAME;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_COMMITMENT;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_ID;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.MissedPhaseDecision;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.MissingCommitmentDecision;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TeacherCommitment;

import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
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
  static ModelTestEngine engine = new ModelTestEngine();

  private static final Instant START = Instant.parse("2027-04-01T09:00:00Z");
  private static final int HIGH_SCHOOL_PHASES = 4;

  private final List<String> calls = new ArrayList<>();
  private Instant now;

  @BeforeEach
  void standInDelegates() {
    travelTo(START);
    Mocks.register("requestTeacherCommitment", (JavaDelegate) execution -> {
      calls.add("requestTeacherCommitment");
      COMMITMENT_DEADLINE.set(execution, Date.from(now.plus(Duration.ofDays(21))));
    });
    Mocks.register("enrolTeacherInPd", (JavaDelegate) execution -> {
      calls.add("enrolTeacherInPd");
      PHASE_COUNT.set(execution, HIGH_SCHOOL_PHASES);
      PHASE_NUMBER.set(execution, 0);
    });
    Mocks.register("openNextPdPhase", (JavaDelegate) execution -> {
      int next = PHASE_NUMBER.require(execution) + 1;
      calls.add("openNextPdPhase#" + next);
      PHASE_NUMBER.set(execution, next);
      PHASE_DUE_DATE.set(execution, Date.from(now.plus(Duration.ofDays(60))));
    });
    Mocks.register("recordPdPhaseCompleted", (JavaDelegate) execution -> {
      calls.add("recordPdPhaseCompleted");
      MORE_PHASES.set(execution, PHASE_NUMBER.require(execution) < HIGH_SCHOOL_PHASES);
    });
    Mocks.register("scheduleMakeUp", (JavaDelegate) execution -> {
      calls.add("scheduleMakeUp#" + PHASE_NUMBER.require(execution));
      PHASE_DUE_DATE.set(execution, Date.from(now.plus(Duration.ofDays(60))));
    });
    for (String name : List.of("recordTeacherCommitment", "replaceTeacher", "withdrawTeacherFromPd",
        "grantOnlinePdAccess", "recordPdPhaseMissed", "issuePdCertificate")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
  }

  @Test
  void aGuaranteedTeacherCompletesEveryPhaseInOrderAndGetsTheCertificate() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_CONFIRM_COMMITMENT);
    assertThat(task(instance)).hasCandidateGroup("district-liaisons").hasDueDate(Date.from(START.plus(Duration.ofDays(21))));

    districtAnswers(TeacherCommitment.COMMITS);
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
    complete(task(instance), TEACHER_COMMITMENT.with(TeacherCommitment.COMMITS));
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

    Map<String, Object> replace = COMMITMENT_DECISION.with(MissingCommitmentDecision.REPLACE);
    REPLACEMENT_NAME.putIn(replace, "Kai Moore");
    complete(task(instance), REPLACEMENT_EMAIL.putIn(replace, "kmoore@district.test"));
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_CONFIRM_COMMITMENT);
    assertThat(calls).containsExactly("requestTeacherCommitment", "replaceTeacher", "requestTeacherCommitment");

    districtAnswers(TeacherCommitment.COMMITS);
    runJobs();
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT);
  }

  @Test
  void aTeacherWhoCannotCommitIsWithdrawn() {
    ProcessInstance instance = start();
    districtAnswers(TeacherCommitment.CANNOT_COMMIT);
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_DECIDE_MISSING_COMMITMENT);
    complete(task(instance), PD_DECISION_NOTES.putIn(COMMITMENT_DECISION.with(MissingCommitmentDecision.WITHDRAW),
        "Moved schools"));
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

    complete(task(instance), MISSED_PHASE_DECISION.with(MissedPhaseDecision.MAKE_UP));
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
    complete(task(instance), MISSED_PHASE_DECISION.with(MissedPhaseDecision.WITHDRAW));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Gateway_PhaseMissedMerge", "EndEvent_TeacherWithdrawn")
        .hasNotPassed("Task_RecordPdPhaseCompleted");
  }

  private ProcessInstance toFirstPhase() {
    ProcessInstance instance = start();
    districtAnswers(TeacherCommitment.COMMITS);
    runJobs();
    return instance;
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProfessionalDevelopmentProcess.PROCESS_KEY,
        "DP-2027-0042", TEACHER_ID.putIn(PARTNERSHIP_ID.with(42L), 7L));
    runJobs();
    return instance;
  }

  private void districtAnswers(TeacherCommitment answer) {
    runtimeService().createMessageCorrelation(ProfessionalDevelopmentProcess.MESSAGE_COMMITMENT)
        .processInstanceBusinessKey("DP-2027-0042").processInstanceVariableEquals(TEACHER_ID.name(), 7L)
        .setVariables(TEACHER_COMMITMENT.with(answer)).correlate();
  }

  private void report(int phase, boolean attended, int hours) {
    runtimeService().createMessageCorrelation(ProfessionalDevelopmentProcess.MESSAGE_PHASE_REPORTED)
        .processInstanceVariableEquals(TEACHER_ID.name(), 7L).processInstanceVariableEquals(PHASE_NUMBER.name(), phase)
        .setVariables(PHASE_HOURS.putIn(PHASE_ATTENDED.with(attended), hours)).correlate();
  }

  private void runJobs() {
    engine.runDueJobs();
  }

  private void travel(Duration duration) {
    travelTo(now.plus(duration));
  }

  private void travelTo(Instant instant) {
    now = instant;
    engine.travelTo(instant);
  }
}
