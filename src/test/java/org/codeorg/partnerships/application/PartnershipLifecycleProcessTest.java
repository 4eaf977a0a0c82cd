package org.codeorg.partnerships.application;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess.PlanDecision;
import org.codeorg.partnerships.plan.PlanSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle model on its own: every path from application through plan approval to the PD stage, timers by time
 * travel, jobs executed by hand. Delegates are stand-ins that record their calls; their real
 * behaviour is tested through HTTP in {@code DistrictJourneyTest}.
 */
@Deployment(resources = {"bpmn/partnership-lifecycle.bpmn", "bpmn/application-screening.dmn",
    "forms/submit-application.form", "forms/review-application.form", "forms/record-signed-agreement.form",
    "forms/review-comprehensive-plan.form", "forms/decide-escalated-plan.form", "forms/choose-elementary-pd-path.form",
    "forms/record-trainer-training.form", "forms/decide-close-or-renew.form", "forms/review-renewal.form"})
class PartnershipLifecycleProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  private static final Instant APPLIED_AT = Instant.parse("2027-03-01T09:00:00Z");
  private static final List<String> DELEGATES = List.of("screenApplication", "requestInformation",
      "remindInformation", "withdrawUnanswered", "declineApplication", "acceptApplication", "remindSignature",
      "recordAgreement", "remindReviewers", "requestPlanRevision", "approvePlan", "withdrawAfterPlanEscalation",
      "recordElementaryPdPath", "storeTrainerTraining", "completeImplementation", "sendMarketingKit",
      "sendHourOfCodeMaterials", "requestTeacherLeaderNominations", "startEvaluation", "closePartnership",
      "startRenewal", "requestRenewalConfirmation", "requestPlanUpdate", "declineRenewal");
  private static final Instant HOUR_OF_CODE = Instant.parse("2027-11-17T00:00:00Z");
  private static final Instant SCHOOL_YEAR_ENDED = Instant.parse("2028-07-01T00:00:00Z");

  private final List<String> calls = new ArrayList<>();
  private final StubParticipants participants = new StubParticipants();
  private String stubDeployment;
  private Instant hourOfCodeAt = HOUR_OF_CODE;
  private Instant now;

  /** Who takes part in PD, as {@code pdParticipants} answers the multi-instance call activities. */
  public static final class StubParticipants {
    List<Long> secondary = List.of();
    List<Long> elementary = List.of();
    List<Long> schools = List.of();
    List<Long> sections = List.of();

    public List<Long> secondaryTeachers(Object partnershipId) {
      return secondary;
    }

    public List<Long> elementaryTeachers(Object partnershipId) {
      return elementary;
    }

    public List<Long> leadershipSchools(Object partnershipId) {
      return schools;
    }

    public List<Long> of(Object partnershipId) {
      return sections;
    }
  }

  @BeforeEach
  void standInDelegates() {
    travelTo(APPLIED_AT);
    Mocks.register("registerApplication", (JavaDelegate) execution -> {
      calls.add("registerApplication");
      execution.setProcessBusinessKey("DP-2027-0042");
      execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_ID, 42L);
    });
    Mocks.register("pdParticipants", participants);
    Mocks.register("classroomSections", participants);
    Mocks.register("startImplementation", (JavaDelegate) execution -> {
      calls.add("startImplementation");
      execution.setVariable("hasElementaryTeachers", !participants.elementary.isEmpty());
      execution.setVariable("schoolYearEndsAt", Date.from(SCHOOL_YEAR_ENDED));
    });
    Mocks.register("scheduleHourOfCode", (JavaDelegate) execution -> {
      calls.add("scheduleHourOfCode@" + execution.getCurrentActivityId());
      execution.setVariable("hourOfCodeAt", hourOfCodeAt == null ? null : Date.from(hourOfCodeAt));
    });
    // The called PD processes have their own tests; here they end at once and count their instances.
    stubDeployment = engine.processEngine().getRepositoryService().createDeployment()
        .addModelInstance("professional-development-stub.bpmn", stub("professional-development"))
        .addModelInstance("leadership-pd-stub.bpmn", stub("leadership-pd"))
        .addModelInstance("classroom-setup-stub.bpmn", stub("classroom-setup"))
        .addModelInstance("program-evaluation-stub.bpmn", stub("program-evaluation"))
        .deploy().getId();
    for (String name : DELEGATES) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name + "@" + execution.getCurrentActivityId()));
    }
    // Counts revision rounds like the real delegate does and asks the plan's rule whether to escalate.
    Mocks.register("recordPlanReview", (JavaDelegate) execution -> {
      calls.add("recordPlanReview");
      Integer rounds = (Integer) execution.getVariable("planRevisionRounds");
      int requests = rounds == null ? 0 : rounds;
      if ("REVISE".equals(execution.getVariable("planDecision"))) {
        execution.setVariable("planRevisionRounds", ++requests);
      }
      execution.setVariable("escalatePlan",
          PlanSteps.escalates(PlanDecision.valueOf((String) execution.getVariable("planDecision")), requests));
    });
  }

  private static org.camunda.bpm.model.bpmn.BpmnModelInstance stub(String key) {
    return org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done();
  }

  @AfterEach
  void reset() {
    engine.processEngine().getRepositoryService().deleteDeployment(stubDeployment, true);
  }

  @Test
  void acceptedApplicationGoesThroughSignedTermsToAnApprovedPlan() {
    ProcessInstance instance = apply();
    assertThat(instance).hasPassed(LifecycleProcess.TASK_REGISTER_APPLICATION, "Task_ScreenApplication")
        .isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_APPLICATION).hasBusinessKey("DP-2027-0042");
    assertThat(task(instance)).hasCandidateGroup("partnership-managers")
        .hasDueDate(Date.from(APPLIED_AT.plus(10, ChronoUnit.DAYS)));
    assertFormRef("Form_ReviewApplication");

    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));
    assertThat(instance).isWaitingAt("Task_AcceptApplication");   // async: its email is a side effect
    runJobs();
    assertThat(instance).isWaitingAtExactly("Task_RecordSignedAgreement");
    assertFormRef("Form_RecordSignedAgreement");

    complete(task(instance), withVariables("signatoryName", "Dr. Ada Lovelace, Superintendent", "agreementSignedOn", "2027-03-10"));
    runJobs();
    assertThat(instance).isWaitingAtExactly("Task_WaitForPlan");

    submitPlan();
    assertThat(instance).isWaitingAtExactly("Task_ReviewPlan");
    assertFormRef("Form_ReviewComprehensivePlan");
    complete(task(instance), withVariables("planDecision", "APPROVE"));
    runJobs();
    assertThat(instance).hasPassed("Task_SendMarketingKit").isWaitingAt("Timer_BeforeCsEdWeek");
    assertThat(timerDue("Timer_BeforeCsEdWeek")).isEqualTo(HOUR_OF_CODE);

    travelTo(HOUR_OF_CODE);
    runJobs();
    assertThat(instance).hasPassed("Task_SendHourOfCodeMaterials", "Gateway_ImplementationJoin",
        "Task_CompleteImplementation", "Task_RequestTeacherLeaderNominations").isWaitingAt("Timer_SchoolYearEnded");

    travelTo(SCHOOL_YEAR_ENDED);
    runJobs();
    assertThat(instance).hasPassed("Task_StartEvaluation", "CallActivity_ProgramEvaluation")
        .isWaitingAtExactly("Task_DecideCloseOrRenew");
    assertThat(task(instance)).hasCandidateGroup("partnership-managers");
    assertFormRef("Form_DecideCloseOrRenew");
    complete(task(instance), withVariables("closeDecision", "RENEW"));
    runJobs();

    assertThat(instance).isEnded().hasPassed("Task_ClosePartnership", "Gateway_RenewPartnership",
            LifecycleProcess.TASK_START_RENEWAL, "EndEvent_PartnershipRenewed")
        .hasNotPassed("EndEvent_PartnershipClosed", "Task_DeclineApplication", "Task_RequestInformation", "Task_RequestPlanRevision",
            "Task_ChooseElementaryPdPath");
    assertThat(calls).containsExactly("registerApplication", "screenApplication@Task_ScreenApplication",
        "acceptApplication@Task_AcceptApplication", "recordAgreement@Task_RecordAgreement", "recordPlanReview",
        "approvePlan@Task_ApprovePlan", "startImplementation", "scheduleHourOfCode@Task_ScheduleHourOfCode",
        "sendMarketingKit@Task_SendMarketingKit",
        "sendHourOfCodeMaterials@Task_SendHourOfCodeMaterials", "completeImplementation@Task_CompleteImplementation",
        "requestTeacherLeaderNominations@Task_RequestTeacherLeaderNominations", "startEvaluation@Task_StartEvaluation",
        "closePartnership@Task_ClosePartnership", "startRenewal@Task_StartRenewal");
  }

  @Test
  void closingWithoutRenewalEndsThePartnership() {
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(LifecycleProcess.PROCESS_KEY)
        .businessKey("DP-2027-0042").setVariable(LifecycleProcess.VAR_PARTNERSHIP_ID, 42L)
        .startBeforeActivity("Task_DecideCloseOrRenew").execute();
    complete(task(instance), withVariables("closeDecision", "CLOSE"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_ClosePartnership", "EndEvent_PartnershipClosed")
        .hasNotPassed(LifecycleProcess.TASK_START_RENEWAL);
    assertThat(calls).containsExactly("closePartnership@Task_ClosePartnership");
  }

  @Test
  void aRenewalSkipsScreeningTheDistrictConfirmsAManagerReviewsAndThePlanIsUpdated() {
    ProcessInstance instance = renewal();
    assertThat(instance).hasBusinessKey("DP-2028-0007").isWaitingAtExactly("Task_RequestRenewalConfirmation");
    runJobs();
    assertThat(instance).isWaitingAtExactly(LifecycleProcess.TASK_WAIT_FOR_RENEWAL_CONFIRMATION);

    runtimeService().createMessageCorrelation(LifecycleProcess.MESSAGE_RENEWAL_CONFIRMED)
        .processInstanceBusinessKey("DP-2028-0007").setVariable("renewalChanges", "4 teacher(s)").correlate();
    assertThat(instance).isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_RENEWAL);
    assertThat(task(instance)).hasCandidateGroup("partnership-managers")
        .hasDueDate(Date.from(APPLIED_AT.plus(10, ChronoUnit.DAYS)));
    assertFormRef("Form_ReviewRenewal");

    complete(task(instance), withVariables("renewalDecision", "APPROVE"));
    runJobs();
    assertThat(instance).isWaitingAtExactly("Task_WaitForPlan")
        .hasNotPassed("Task_RegisterApplication", "Task_ScreenApplication", "Task_ReviewApplication",
            "Task_RecordSignedAgreement", "Task_RecordAgreement");
    submitPlan("DP-2028-0007");
    assertThat(instance).isWaitingAtExactly("Task_ReviewPlan");
    assertThat(calls).containsExactly("requestRenewalConfirmation@Task_RequestRenewalConfirmation",
        "requestPlanUpdate@Task_RequestPlanUpdate");
  }

  @Test
  void aDeclinedRenewalEndsWithTheReason() {
    ProcessInstance instance = renewal();
    runJobs();
    runtimeService().correlateMessage(LifecycleProcess.MESSAGE_RENEWAL_CONFIRMED, "DP-2028-0007");
    complete(task(instance), withVariables("renewalDecision", "DECLINE", "declineReason", "No teachers left"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_DeclineRenewal", "EndEvent_RenewalDeclined")
        .hasNotPassed("Task_RequestPlanUpdate");
    assertThat(calls).containsExactly("requestRenewalConfirmation@Task_RequestRenewalConfirmation",
        "declineRenewal@Task_DeclineRenewal");
  }

  /** What {@code Task_StartRenewal} of the year before does: the renewal's own start event, with the new partnership. */
  private ProcessInstance renewal() {
    return runtimeService().startProcessInstanceByMessage(LifecycleProcess.MESSAGE_RENEWAL_REQUESTED, "DP-2028-0007",
        Map.of(LifecycleProcess.VAR_PARTNERSHIP_ID, 43L, LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, "DP-2028-0007",
            "previousPartnershipReference", "DP-2027-0042"));
  }

  @Test
  void afterPlanApprovalEveryTeacherHighSchoolAndSectionGetsItsOwnInstance() {
    participants.secondary = List.of(11L, 12L, 13L);
    participants.schools = List.of(21L);
    participants.sections = List.of(41L, 42L);
    hourOfCodeAt = null;
    ProcessInstance instance = toApprovedPlan();

    assertThat(instance).isWaitingAt("Timer_SchoolYearEnded")
        .hasPassed("CallActivity_SecondaryTeacherPd", "CallActivity_LeadershipPd", "Gateway_HasElementaryTeachers",
            "Gateway_ElementaryMerge", "Gateway_HourOfCodeMerge")
        .hasNotPassed("CallActivity_ElementaryTeacherPd", "Task_SendHourOfCodeMaterials");
    assertThat(calledInstances("professional-development")).containsExactlyInAnyOrder(11L, 12L, 13L);
    assertThat(calledInstances("leadership-pd")).containsExactly(21L);
    assertThat(calledInstances("classroom-setup")).containsExactlyInAnyOrder(41L, 42L);
  }

  @Test
  void elementaryTeachersWaitForTheRegionalAffiliatePathToBeChosen() {
    participants.elementary = List.of(31L, 32L);
    ProcessInstance instance = toApprovedPlan();

    assertThat(instance).isWaitingAt("Task_ChooseElementaryPdPath").isNotWaitingAt("CallActivity_ElementaryTeacherPd");
    assertThat(task(instance)).hasCandidateGroup("pd-managers");
    assertFormRef("Form_ChooseElementaryPdPath");
    complete(task(instance), withVariables("elementaryPdPath", "REGIONAL_AFFILIATE"));
    runJobs();

    assertThat(instance).hasPassed("Task_RecordElementaryPdPath", "CallActivity_ElementaryTeacherPd")
        .hasNotPassed("Task_RecordTrainerTraining");
    assertThat(calledInstances("professional-development")).containsExactlyInAnyOrder(31L, 32L);
  }

  @Test
  void onTheDistrictPathTheTrainerIsTrainedBeforeElementaryPdStarts() {
    participants.elementary = List.of(31L);
    ProcessInstance instance = toApprovedPlan();
    complete(task(instance), withVariables("elementaryPdPath", "DISTRICT_AFFILIATE",
        "affiliateTrainerName", "Kim Lee", "affiliateTrainerEmail", "klee@district.test"));
    runJobs();

    assertThat(instance).isWaitingAt("Task_RecordTrainerTraining").isNotWaitingAt("CallActivity_ElementaryTeacherPd");
    assertFormRef("Form_RecordTrainerTraining");
    assertThat(calledInstances("professional-development")).isEmpty();
    complete(task(instance), withVariables("trainerTrainedOn", "2027-06-20"));
    runJobs();

    assertThat(instance).hasPassed("Task_StoreTrainerTraining", "Gateway_ElementaryPdPathMerge",
        "CallActivity_ElementaryTeacherPd");
    assertThat(calls).contains("recordElementaryPdPath@Task_RecordElementaryPdPath",
        "storeTrainerTraining@Task_StoreTrainerTraining");
    assertThat(calledInstances("professional-development")).containsExactly(31L);
  }

  private Instant timerDue(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult().getDuedate().toInstant();
  }

  private ProcessInstance toApprovedPlan() {
    ProcessInstance instance = toPlanReview();
    complete(task(instance), withVariables("planDecision", "APPROVE"));
    runJobs();
    return instance;
  }

  /** The ids handed to each instance of a called process (teacherId or schoolId). */
  private List<Long> calledInstances(String key) {
    return engine.processEngine().getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(key).list().stream()
        .filter(v -> List.of("teacherId", "schoolId", "sectionId").contains(v.getName()))
        .map(v -> ((Number) v.getValue()).longValue()).toList();
  }

  @Test
  void declinedApplicationEndsWithTheDeclineEmail() {
    ProcessInstance instance = apply();
    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "DECLINE", "declineReason", "No course"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_DeclineApplication", "EndEvent_ApplicationDeclined");
  }

  @Test
  void answeredRequestForInformationReturnsToReview() {
    ProcessInstance instance = apply();
    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "REQUEST_INFORMATION",
        "informationRequest", "How many sections?"));
    runJobs();
    assertThat(instance).isWaitingAtExactly("Task_WaitForInformation");

    runtimeService().createMessageCorrelation(LifecycleProcess.MESSAGE_INFORMATION_RECEIVED).processInstanceBusinessKey("DP-2027-0042")
        .setVariable("informationAnswer", "Two").correlate();

    assertThat(instance).isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_APPLICATION)
        .hasPassed("Gateway_ReviewMerge");
    assertThat(calls).containsOnlyOnce("screenApplication@Task_ScreenApplication");
  }

  @Test
  void unansweredRequestIsRemindedAfter7And14DaysAndWithdrawnAfter30() {
    ProcessInstance instance = apply();
    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "REQUEST_INFORMATION",
        "informationRequest", "How many sections?"));
    runJobs();

    travel(Duration.ofDays(7).plusMinutes(1));
    runJobs();
    assertThat(calls).contains("remindInformation@Task_RemindInformationAfter7Days")
        .doesNotContain("remindInformation@Task_RemindInformationAfter14Days");
    assertThat(instance).isWaitingAt("Task_WaitForInformation");

    travel(Duration.ofDays(7));
    runJobs();
    assertThat(calls).contains("remindInformation@Task_RemindInformationAfter14Days");

    travel(Duration.ofDays(16));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Timer_InformationDeadline", "Task_WithdrawUnanswered",
        "EndEvent_ApplicationWithdrawn", "EndEvent_Information7Reminded", "EndEvent_Information14Reminded");
  }

  @Test
  void anOverdueReviewRemindsTheOfficeAndStaysOpen() {
    ProcessInstance instance = apply();
    travel(Duration.ofDays(10).plusMinutes(1));
    runJobs();

    assertThat(calls).contains("remindReviewers@Task_RemindReviewers");
    assertThat(instance).isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_APPLICATION)
        .hasPassed("Timer_ReviewOverdue", "EndEvent_ReviewersReminded");
  }

  @Test
  void anUnsignedAgreementIsRemindedEvery14Days() {
    ProcessInstance instance = apply();
    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));
    runJobs();

    travel(Duration.ofDays(14).plusMinutes(1));
    runJobs();
    travel(Duration.ofDays(14));
    runJobs();

    assertThat(calls.stream().filter(c -> c.startsWith("remindSignature"))).hasSize(2);
    assertThat(instance).isWaitingAtExactly("Task_RecordSignedAgreement").hasPassed("EndEvent_SignatureReminded");
  }

  @Test
  void threeRevisionRoundsThenTheReviewEscalatesAndCanApprove() {
    ProcessInstance instance = toPlanReview();
    for (int round = 1; round <= 3; round++) {
      complete(task(instance), withVariables("planDecision", "REVISE", "visionComment", "More detail"));
      runJobs();
      assertThat(instance).isWaitingAtExactly("Task_WaitForPlan");
      submitPlan();
    }
    complete(task(instance), withVariables("planDecision", "REVISE"));

    assertThat(instance).isWaitingAtExactly("Task_DecideEscalatedPlan");
    assertThat(task(instance)).hasCandidateGroup("partnership-managers");
    assertFormRef("Form_DecideEscalatedPlan");
    assertThat(calls.stream().filter(c -> c.startsWith("requestPlanRevision"))).hasSize(3);

    complete(task(instance), withVariables("escalationDecision", "APPROVE"));
    runJobs();
    assertThat(instance).hasPassed("Gateway_ApproveMerge", "Task_ApprovePlan", "Task_StartImplementation");
  }

  @Test
  void anEscalatedPlanCanEndThePartnership() {
    ProcessInstance instance = toPlanReview();
    runtimeService().setVariable(instance.getId(), "planRevisionRounds", 3);
    complete(task(instance), withVariables("planDecision", "REVISE"));
    complete(task(instance), withVariables("escalationDecision", "WITHDRAW", "escalationNotes", "No agreement on the plan"));
    runJobs();

    assertThat(instance).isEnded()
        .hasPassed("Task_WithdrawAfterPlanEscalation", "EndEvent_PartnershipWithdrawn");
  }

  @Test
  void aRejectedRegistrationStartsNoInstance() {
    Mocks.register("registerApplication", (JavaDelegate) execution -> {
      throw new InvalidApplicationException(List.of(new FieldViolation("contact.email", "must be an email address")));
    });

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY))
        .isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("contact.email must be an email address");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  private ProcessInstance apply() {
    return runtimeService().startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, Map.of("districtName", "Springfield"));
  }

  private ProcessInstance toPlanReview() {
    ProcessInstance instance = apply();
    complete(task(instance), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));
    runJobs();
    complete(task(instance), withVariables("signatoryName", "Ada", "agreementSignedOn", "2027-03-10"));
    runJobs();
    submitPlan();
    return instance;
  }

  private void submitPlan() {
    submitPlan("DP-2027-0042");
  }

  private void submitPlan(String reference) {
    runtimeService().createMessageCorrelation(LifecycleProcess.MESSAGE_PLAN_SUBMITTED).processInstanceBusinessKey(reference)
        .setVariable("planVision", "CS for all").correlate();
  }

  private void assertFormRef(String formId) {
    Task withFormRef = taskService().createTaskQuery().initializeFormKeys().singleResult();
    assertThat(withFormRef.getCamundaFormRef().getKey()).isEqualTo(formId);
    assertThat(withFormRef.getCamundaFormRef().getBinding()).as("binding (docs/model-changes.md)").isEqualTo("latest");
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
