package org.codeorg.partnerships.application;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.partnershipId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's renewal delegates, named after their elements. */
@Configuration
class RenewalDelegates {

  /** {@code Task_StartRenewal} (the year that closes): starts the next school year's lifecycle, once. */
  @Bean("startRenewal")
  JavaDelegate startRenewal(PartnershipRenewals renewals) {
    return execution -> renewals.startNextYear(partnershipId(execution));
  }

  /** {@code Task_RequestRenewalConfirmation} (the new year). */
  @Bean("requestRenewalConfirmation")
  JavaDelegate requestRenewalConfirmation(PartnershipRenewals renewals) {
    return execution -> LifecycleProcess.PARTNERSHIP_STAGE.set(execution,
        renewals.requestConfirmation(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_RequestPlanUpdate}: the renewal was approved. */
  @Bean("requestPlanUpdate")
  JavaDelegate requestPlanUpdate(PartnershipRenewals renewals) {
    return execution -> LifecycleProcess.PARTNERSHIP_STAGE.set(execution,
        renewals.requestPlanUpdate(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_DeclineRenewal}: as a declined application, with the reviewer's reason. */
  @Bean("declineRenewal")
  JavaDelegate declineRenewal(ApplicationSteps steps) {
    return execution -> LifecycleProcess.PARTNERSHIP_STAGE.set(execution, steps.decline(partnershipId(execution),
        execution.getProcessInstanceId(), LifecycleProcess.DECLINE_REASON.get(execution)));
  }
}
