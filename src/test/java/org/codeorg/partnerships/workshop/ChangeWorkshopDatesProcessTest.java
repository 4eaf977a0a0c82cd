package org.codeorg.partnerships.workshop;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "Change a workshop's dates" start form's model: one synchronous step, then the end. The
 * rules and what the change sends are tested with the real delegate in {@code PdScenarioTest}.
 */
@Deployment(resources = {"bpmn/change-workshop-dates.bpmn", "forms/change-workshop-dates.form"})
class ChangeWorkshopDatesProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  @Test
  void theStartFormChangesTheDatesAtOnce() {
    List<String> changed = new ArrayList<>();
    Mocks.register("changeWorkshopDates", (JavaDelegate) execution -> changed.add(
        WorkshopDatesChangeProcess.WORKSHOP_REFERENCE.require(execution) + " " + execution.getVariable("session1Date")));

    ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkshopDatesChangeProcess.PROCESS_KEY,
        Map.of("workshopReference", "WS-00042", "session1Date", "2027-07-19", "session1Starts", "09:00",
            "session1Ends", "15:00"));

    assertThat(instance).isEnded().hasPassed(WorkshopDatesChangeProcess.TASK_CHANGE_WORKSHOP_DATES,
        "EndEvent_WorkshopDatesChanged");
    org.assertj.core.api.Assertions.assertThat(changed).containsExactly("WS-00042 2027-07-19");
  }
}
