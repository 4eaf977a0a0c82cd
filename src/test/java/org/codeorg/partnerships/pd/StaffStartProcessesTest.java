package org.codeorg.partnerships.pd;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.codeorg.partnerships.partnership.DistrictLinkReissueProcess;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff start processes' paths (the checks themselves: {@code StaffStartFormsTest}). */
@Deployment(resources = {"bpmn/online-pd-completions.bpmn", "bpmn/district-link-reissue.bpmn",
    "bpmn/undelivered-email.bpmn", "forms/report-online-completions.form", "forms/review-applied-completions.form",
    "forms/reissue-district-link.form", "forms/resolve-undelivered-email.form"})
class StaffStartProcessesTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  @Test
  void appliedCompletionsAreShownToThePdManagerWhoReportedThem() {
    Mocks.register("applyOnlineCompletions", (JavaDelegate) execution ->
        OnlinePdCompletionsProcess.COMPLETIONS_REPORT.set(execution, "1 completion(s) applied"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService().setAuthenticatedUserId("pdmanager");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(OnlinePdCompletionsProcess.PROCESS_KEY,
        Map.of("reportKind", "CSV", "completionsCsv", "teacher email,course,phase,completed on,hours\n"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService().clearAuthentication();
    assertThat(instance).isWaitingAtExactly(OnlinePdCompletionsProcess.TASK_REVIEW_APPLIED_COMPLETIONS);
    assertThat(task(instance)).isAssignedTo("pdmanager");
    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_CompletionsApplied");
  }

  @Test
  void aDistrictsLinkIsReissuedInTheStartingTransaction() {
    Mocks.register("reissueDistrictLink", (JavaDelegate) execution ->
        DistrictLinkReissueProcess.LINK_GENERATION.set(execution, 2));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(DistrictLinkReissueProcess.PROCESS_KEY,
        DistrictLinkReissueProcess.PARTNERSHIP_REFERENCE.with("DP-2027-0001"));
    assertThat(instance).isEnded().hasPassed(DistrictLinkReissueProcess.TASK_REISSUE_DISTRICT_LINK, "EndEvent_LinkReissued")
        .variables().containsEntry("linkGeneration", 2);
  }

  @Test
  void anUndeliveredEmailWaitsForAPartnershipManagersDecision() {
    java.util.List<String> applied = new java.util.ArrayList<>();
    Mocks.register("completingUser", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("applyEmailResolution", (JavaDelegate) execution ->
        applied.add(String.valueOf(execution.getVariable("emailResolution"))));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        org.codeorg.partnerships.mail.UndeliveredEmailProcess.PROCESS_KEY, "email-7", Map.of("emailId", 7L));
    assertThat(instance).isWaitingAtExactly(org.codeorg.partnerships.mail.UndeliveredEmailProcess.TASK_RESOLVE_UNDELIVERED_EMAIL);
    assertThat(task(instance)).hasCandidateGroup("partnership-managers");
    complete(task(instance), Map.of("emailResolution", "MARK_DELIVERED"));
    assertThat(instance).isEnded().hasPassed("Task_ApplyEmailResolution", "EndEvent_EmailResolved");
    org.assertj.core.api.Assertions.assertThat(applied).containsExactly("MARK_DELIVERED");
  }
}
