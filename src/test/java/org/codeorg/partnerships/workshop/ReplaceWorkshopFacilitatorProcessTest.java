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

/** The "Replace a workshop's facilitator" start form's model: one synchronous step, then the end. */
@Deployment(resources = {"bpmn/replace-workshop-facilitator.bpmn", "forms/replace-workshop-facilitator.form"})
class ReplaceWorkshopFacilitatorProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  @Test
  void theStartFormReplacesTheFacilitatorAtOnce() {
    List<String> replaced = new ArrayList<>();
    Mocks.register("replaceFacilitator", (JavaDelegate) execution -> replaced.add(
        WorkshopFacilitatorChangeProcess.WORKSHOP_REFERENCE.require(execution) + " → "
            + WorkshopFacilitatorChangeProcess.FACILITATOR.require(execution)));

    ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkshopFacilitatorChangeProcess.PROCESS_KEY,
        Map.of("workshopReference", "WS-00042", "facilitator", "facilitator2"));

    assertThat(instance).isEnded().hasPassed(WorkshopFacilitatorChangeProcess.TASK_REPLACE_FACILITATOR,
        "EndEvent_FacilitatorReplaced");
    org.assertj.core.api.Assertions.assertThat(replaced).containsExactly("WS-00042 → facilitator2");
  }
}
