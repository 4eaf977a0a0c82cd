package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Counselor/Administrator PD of one high school: enrolment, attendance (validated), completion. */
@Deployment(resources = {"bpmn/leadership-pd.bpmn", "forms/record-leadership-attendance.form"})
class LeadershipPdProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-unit-test.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    init(engine.getProcessEngine());
    Mocks.register("enrolSchoolLeaders", (JavaDelegate) execution -> {
      calls.add("enrol");
      execution.setVariable("programDate", new Date());
      execution.setVariable("leaderCount", 2);
    });
    Mocks.register("validateLeadershipAttendance", new PdDelegates().validateLeadershipAttendance());
    Mocks.register("completeLeadershipPd", (JavaDelegate) execution -> calls.add("complete:" + execution.getVariable("absentLeaders")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void leadersAreEnrolledTheirAttendanceRecordedAndThanked() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProfessionalDevelopmentProcess.LEADERSHIP_PROCESS_KEY,
        "DP-2027-0042", Map.of("partnershipId", 42L, "schoolId", 3L));
    execute(job(instance));
    assertThat(instance).isWaitingAtExactly(ProfessionalDevelopmentProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE);
    assertThat(task(instance)).hasCandidateGroup("pd-managers");

    assertThatThrownBy(() -> complete(task(instance), withVariables("allLeadersAttended", "NO", "absentLeaders", "3")))
        .hasMessageContaining("roster number 3 is not between 1 and 2");
    complete(task(instance), withVariables("allLeadersAttended", "NO", "absentLeaders", "2"));
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed("Task_CompleteLeadershipPd", "EndEvent_LeadershipPdCompleted");
    assertThat(calls).containsExactly("enrol", "complete:2");
  }
}
