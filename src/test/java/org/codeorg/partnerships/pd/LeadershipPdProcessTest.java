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
import org.codeorg.partnerships.support.Http;
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
      LeadershipPdProcess.LEADER_OPTIONS.set(execution, AttendanceList.options(Map.of(11L, "Sam Cole", 12L, "Ada Wu")));
    });
    Mocks.register("validateLeadershipAttendance", new PdDelegates().validateLeadershipAttendance());
    Mocks.register("completeLeadershipPd", (JavaDelegate) execution -> calls.add("complete:"
        + AttendanceList.present(execution, LeadershipPdProcess.PRESENT_LEADERS.name(), LeadershipPdProcess.LEADER_OPTIONS.name())));
  }

  @Test
  void leadersAreEnrolledTheirAttendanceRecordedAndThanked() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(LeadershipPdProcess.PROCESS_KEY,
        "DP-2027-0042", LeadershipPdProcess.SCHOOL_ID.putIn(LeadershipPdProcess.PARTNERSHIP_ID.with(42L), 3L));
    execute(job(instance));
    assertThat(instance).isWaitingAtExactly(LeadershipPdProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE);
    assertThat(task(instance)).hasCandidateGroup("pd-managers");

    assertThatThrownBy(() -> complete(task(instance), present("13")))
        .hasMessageContaining("presentLeaders: '13' is not one of the form's options");
    complete(task(instance), present("12"));
    execute(job(instance));

    assertThat(instance).isEnded().hasPassed("Task_CompleteLeadershipPd", "EndEvent_LeadershipPdCompleted");
    assertThat(calls).containsExactly("enrol", "complete:[12]");
  }

  /** The checklist's answer as Tasklist submits it: a Json variable of the ticked values. */
  private static Map<String, Object> present(String... values) {
    return Map.of(LeadershipPdProcess.PRESENT_LEADERS.name(),
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(Http.JSON.valueToTree(List.of(values)).toString()).create());
  }
}
