package org.codeorg.partnerships.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.engine.FormValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the comprehensive plan loop in {@code partnership-lifecycle}. */
@Configuration
class PlanDelegates {

  @Bean("recordPlanReview")
  JavaDelegate recordPlanReview(PlanSteps steps) {
    return execution -> {
      String decision = (String) execution.getVariable("planDecision");
      steps.recordReview(LifecycleProcess.partnershipId(execution), decision, new PlanSections(
          text(execution, "visionComment"), text(execution, "implementationComment"),
          text(execution, "promotionComment"), text(execution, "communitySupportComment")), reviewer(execution));
      if ("REVISE".equals(decision)) {
        Integer rounds = (Integer) execution.getVariable("planRevisionRounds");
        execution.setVariable("planRevisionRounds", rounds == null ? 1 : rounds + 1);
      }
    };
  }

  @Bean("requestPlanRevision")
  JavaDelegate requestPlanRevision(PlanSteps steps) {
    return execution -> steps.requestRevision(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId());
  }

  @Bean("approvePlan")
  JavaDelegate approvePlan(PlanSteps steps) {
    return execution -> execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE,
        steps.approve(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId()).name());
  }

  @Bean("withdrawAfterPlanEscalation")
  JavaDelegate withdrawAfterPlanEscalation(PlanSteps steps) {
    return execution -> execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE,
        steps.withdrawAfterEscalation(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId(),
            text(execution, "escalationNotes")).name());
  }


  private static String text(DelegateExecution execution, String name) {
    return FormValues.text(execution, name);
  }

  /** The staff member completing the review task (the step runs in that user's request). */
  private static String reviewer(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
