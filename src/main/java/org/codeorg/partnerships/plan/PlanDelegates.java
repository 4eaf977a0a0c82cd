package org.codeorg.partnerships.plan;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.partnershipId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import org.codeorg.partnerships.lifecycle.LifecycleProcess.PlanDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the comprehensive plan loop in {@code partnership-lifecycle}, named after their elements. */
@Configuration
class PlanDelegates {

  /**
   * {@code Task_RecordPlanReview}: stores the review of {@code Task_ReviewPlan}, counts revision
   * requests and sets {@code escalatePlan}, which {@code Gateway_PlanDecision} reads.
   */
  @Bean("recordPlanReview")
  JavaDelegate recordPlanReview(PlanSteps steps) {
    return execution -> {
      PlanDecision decision = LifecycleProcess.PLAN_DECISION.require(execution);
      steps.recordReview(partnershipId(execution), decision, new PlanSections(
          LifecycleProcess.VISION_COMMENT.get(execution), LifecycleProcess.IMPLEMENTATION_COMMENT.get(execution),
          LifecycleProcess.PROMOTION_COMMENT.get(execution), LifecycleProcess.COMMUNITY_SUPPORT_COMMENT.get(execution)),
          reviewer(execution));
      int requests = LifecycleProcess.PLAN_REVISION_ROUNDS.find(execution).orElse(0);
      if (decision == PlanDecision.REVISE) {
        requests++;
        LifecycleProcess.PLAN_REVISION_ROUNDS.set(execution, requests);
      }
      LifecycleProcess.ESCALATE_PLAN.set(execution, PlanSteps.escalates(decision, requests));
    };
  }

  /** {@code Task_RequestPlanRevision}. */
  @Bean("requestPlanRevision")
  JavaDelegate requestPlanRevision(PlanSteps steps) {
    return execution -> steps.requestRevision(partnershipId(execution), execution.getProcessInstanceId());
  }

  /** {@code Task_ApprovePlan}. */
  @Bean("approvePlan")
  JavaDelegate approvePlan(PlanSteps steps) {
    return execution -> PartnershipTaskContext.enterStage(execution,
        steps.approve(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_WithdrawAfterPlanEscalation}: the notes of {@code Task_DecideEscalatedPlan} are the reason. */
  @Bean("withdrawAfterPlanEscalation")
  JavaDelegate withdrawAfterPlanEscalation(PlanSteps steps) {
    return execution -> PartnershipTaskContext.enterStage(execution,
        steps.withdrawAfterEscalation(partnershipId(execution), execution.getProcessInstanceId(),
            LifecycleProcess.ESCALATION_NOTES.get(execution)));
  }

  /** The staff member completing the review task (the step runs in that user's request). */
  private static String reviewer(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
