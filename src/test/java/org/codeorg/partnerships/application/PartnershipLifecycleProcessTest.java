package org.codeorg.partnerships.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle model on its own: the engine runs the BPMN, the registration delegate is a stand-in
 * (its real behaviour is tested in {@link LifecycleRegistrationTest}).
 */
@Deployment(resources = {"bpmn/partnership-lifecycle.bpmn", "forms/submit-application.form",
    "forms/review-application.form"})
class PartnershipLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-unit-test.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant APPLIED_AT = Instant.parse("2027-03-01T09:00:00Z");

  @BeforeEach
  void standInRegistration() {
    init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(APPLIED_AT));
    Mocks.register("registerApplication", (JavaDelegate) execution -> {
      execution.setProcessBusinessKey("DP-2027-0042");
      execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_ID, 42L);
      execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, "DP-2027-0042");
      execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE, "APPLICATION_REVIEW");
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void registeredApplicationWaitsForAManagersReviewAndEndsWhenReviewed() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY,
        Map.of("districtName", "Springfield Unified"));

    assertThat(instance).hasPassed("StartEvent_ApplicationReceived", LifecycleProcess.TASK_REGISTER_APPLICATION)
        .isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_APPLICATION)
        .hasBusinessKey("DP-2027-0042")
        .variables().containsEntry(LifecycleProcess.VAR_PARTNERSHIP_STAGE, "APPLICATION_REVIEW");
    assertThat(task()).hasCandidateGroup("partnership-managers")
        .hasName("Review application")
        .hasDueDate(Date.from(APPLIED_AT.plus(10, ChronoUnit.DAYS)));
    Task withFormRef = taskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
        .singleResult();
    assertThat(withFormRef.getCamundaFormRef().getKey()).isEqualTo("Form_ReviewApplication");
    assertThat(withFormRef.getCamundaFormRef().getBinding()).isEqualTo("deployment");

    complete(task(), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ApplicationReviewed");
  }

  @Test
  void reviewDueDateFollowsTheApplicationDateNotTheReviewDate() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY);
    ClockUtil.setCurrentTime(Date.from(APPLIED_AT.plus(12, ChronoUnit.DAYS)));

    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .dueBefore(ClockUtil.getCurrentTime()).count()).isEqualTo(1);
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
}
