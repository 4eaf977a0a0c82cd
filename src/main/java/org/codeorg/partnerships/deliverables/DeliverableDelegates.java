package org.codeorg.partnerships.deliverables;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.partnershipId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of Code.org's deliverables in {@code partnership-lifecycle}, named after their elements. */
@Configuration
class DeliverableDelegates {

  /** {@code Task_SendMarketingKit}. */
  @Bean("sendMarketingKit")
  JavaDelegate sendMarketingKit(DeliverableSteps steps) {
    return execution -> steps.sendMarketingKit(partnershipId(execution), execution.getProcessInstanceId());
  }

  /**
   * {@code Task_ScheduleHourOfCode}: sets {@code hourOfCodeAt}, which {@code Gateway_CsEdWeekAhead}
   * and {@code Timer_BeforeCsEdWeek} read (null: no CS Education Week left in the school year).
   */
  @Bean("scheduleHourOfCode")
  JavaDelegate scheduleHourOfCode(DeliverableSteps steps) {
    return execution -> LifecycleProcess.HOUR_OF_CODE_AT.set(execution,
        steps.nextHourOfCode(partnershipId(execution)).orElse(null));
  }

  /** {@code Task_SendHourOfCodeMaterials}. */
  @Bean("sendHourOfCodeMaterials")
  JavaDelegate sendHourOfCodeMaterials(DeliverableSteps steps) {
    return execution -> steps.sendHourOfCode(partnershipId(execution), execution.getProcessInstanceId());
  }

  /** {@code Task_RequestTeacherLeaderNominations}. */
  @Bean("requestTeacherLeaderNominations")
  JavaDelegate requestTeacherLeaderNominations(DeliverableSteps steps) {
    return execution -> steps.requestTeacherLeaderNominations(partnershipId(execution),
        execution.getProcessInstanceId());
  }
}
