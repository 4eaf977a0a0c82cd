package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.pd.AttendanceList.AllPresent;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Counselor/Administrator PD of one high school: enrolment, attendance (validated), completion. */
@Deployment(resources = {"bpmn/leadership-pd.bpmn", "forms/record-leadership-attendance.form"})
class LeadershipPdProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void standIns() {
    Mocks.register("enrolSchoolLeaders", (JavaDelegate) execution -> {
      calls.add("enrol");
      LeadershipPdProcess.PROGRAM_DATE.set(execution, new Date());
      LeadershipPdProcess.LEADER_COUNT.set(execution, 2);
    });
    Mocks.register("validateLeadershipAttendance", new PdDelegates().validateLeadershipAttendance());
    Mocks.register("completeLeadershipPd", (JavaDelegate) execution -> calls.add("complete:" + LeadershipPdProcess.ABSENT_LEADERS.get(execution)));
  }

  @Test
  void leadersAreEnrolledTheirAttendanceRecordedAndThanked() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(LeadershipPdProcess.PROCESS_KEY,
        "DP-2027-0042", LeadershipPdProcess.SCHOOL_ID.putIn(LeadershipPdProcess.PARTNERSHIP_ID.with(42L), 3L));
    execute(job(instance));
    assertThat(instance).isWaitingAtExactly(LeadershipPdProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE);
    assertThat(task(instance)).hasCandidateGroup("pd-managers");

    assertThatThrownBy(() -> complete(task(instance), absent("3")))
        .hasMessageContaining("roster number 3 is not between 1 and 2");
    complete(task(instance), absent("2"));
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed("Task_CompleteLeadershipPd", "EndEvent_LeadershipPdCompleted");
    assertThat(calls).containsExactly("enrol", "complete:2");
  }

  private static Map<String, Object> absent(String rosterNumbers) {
    return LeadershipPdProcess.ABSENT_LEADERS.putIn(LeadershipPdProcess.ALL_LEADERS_ATTENDED.with(AllPresent.NO),
        rosterNumbers);
  }
}
