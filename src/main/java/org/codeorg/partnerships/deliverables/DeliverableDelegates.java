package org.codeorg.partnerships.deliverables;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of Code.org's deliverables in {@code partnership-lifecycle}. */
@Configuration
class DeliverableDelegates {

  @Bean("sendMarketingKit")
  JavaDelegate sendMarketingKit(DeliverableSteps steps) {
    return execution -> steps.sendMarketingKit(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId());
  }

  @Bean("sendHourOfCodeMaterials")
  JavaDelegate sendHourOfCodeMaterials(DeliverableSteps steps) {
    return execution -> steps.sendHourOfCode(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId());
  }

  @Bean("requestTeacherLeaderNominations")
  JavaDelegate requestTeacherLeaderNominations(DeliverableSteps steps) {
    return execution -> steps.requestTeacherLeaderNominations(LifecycleProcess.partnershipId(execution),
        execution.getProcessInstanceId());
  }
}
