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

/** The "Cancel a workshop" start form's model: one synchronous step, then the end. */
@Deployment(resources = {"bpmn/cancel-workshop.bpmn", "forms/cancel-workshop.form"})
class CancelWorkshopProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  @Test
  void theStartFormCancelsTheWorkshopAtOnce() {
    List<String> cancelled = new ArrayList<>();
    Mocks.register("cancelWorkshop", (JavaDelegate) execution ->
        cancelled.add(WorkshopCancellationProcess.WORKSHOP_REFERENCE.require(execution)));

    ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkshopCancellationProcess.PROCESS_KEY,
        Map.of("workshopReference", "WS-00042", "cancellationReason", "The venue closed"));

    assertThat(instance).isEnded().hasPassed(WorkshopCancellationProcess.TASK_CANCEL_WORKSHOP, "EndEvent_WorkshopCancelled");
    org.assertj.core.api.Assertions.assertThat(cancelled).containsExactly("WS-00042");
  }
}
