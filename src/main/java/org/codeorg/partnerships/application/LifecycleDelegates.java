package org.codeorg.partnerships.application;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.partnershipId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle's delegates from screening to signed terms, as named beans: each is the element id
 * without {@code Task_}, first letter lower case. Each reads ids and form values, calls a feature
 * service and writes back a few variables.
 */
@Configuration
class LifecycleDelegates {

  /** {@code Task_ScreenApplication}: sets {@code screeningResult} and {@code screeningReasons} for the reviewer. */
  @Bean("screenApplication")
  JavaDelegate screenApplication(ApplicationScreening screening) {
    return execution -> {
      ScreeningResult result = screening.screen(partnershipId(execution));
      LifecycleProcess.SCREENING_RESULT.set(execution, result.outcome());
      LifecycleProcess.SCREENING_REASONS.set(execution, result.reasonsText());
    };
  }

  /** {@code Task_RequestInformation}. */
  @Bean("requestInformation")
  JavaDelegate requestInformation(ApplicationSteps steps) {
    return execution -> stage(execution, steps.requestInformation(partnershipId(execution),
        execution.getProcessInstanceId(), LifecycleProcess.INFORMATION_REQUEST.get(execution)));
  }

  /**
   * {@code Task_RemindInformationAfter7Days} and {@code Task_RemindInformationAfter14Days} (one
   * bean for both, on the conventions' exception list): the activity id tells the reminders apart.
   */
  @Bean("remindInformation")
  JavaDelegate remindInformation(ApplicationSteps steps) {
    return execution -> steps.remindInformation(partnershipId(execution), execution.getProcessInstanceId(),
        execution.getCurrentActivityId());
  }

  /** {@code Task_WithdrawUnanswered}. */
  @Bean("withdrawUnanswered")
  JavaDelegate withdrawUnanswered(ApplicationSteps steps) {
    return execution -> stage(execution,
        steps.withdrawUnanswered(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_DeclineApplication}. */
  @Bean("declineApplication")
  JavaDelegate declineApplication(ApplicationSteps steps) {
    return execution -> stage(execution, steps.decline(partnershipId(execution), execution.getProcessInstanceId(),
        LifecycleProcess.DECLINE_REASON.get(execution)));
  }

  /** {@code Task_AcceptApplication}. */
  @Bean("acceptApplication")
  JavaDelegate acceptApplication(ApplicationSteps steps) {
    return execution -> stage(execution, steps.accept(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_RemindSignature}: counts the reminders in {@code signatureRemindersSent}. */
  @Bean("remindSignature")
  JavaDelegate remindSignature(ApplicationSteps steps) {
    return execution -> {
      int number = LifecycleProcess.SIGNATURE_REMINDERS_SENT.find(execution).orElse(0) + 1;
      steps.remindSignature(partnershipId(execution), execution.getProcessInstanceId(), number);
      LifecycleProcess.SIGNATURE_REMINDERS_SENT.set(execution, number);
    };
  }

  /** {@code Task_RecordAgreement}: what staff entered in {@code Task_RecordSignedAgreement}. */
  @Bean("recordAgreement")
  JavaDelegate recordAgreement(ApplicationSteps steps) {
    return execution -> stage(execution, steps.recordAgreement(partnershipId(execution),
        execution.getProcessInstanceId(), LifecycleProcess.SIGNATORY_NAME.get(execution),
        LifecycleProcess.AGREEMENT_SIGNED_ON.require(execution)));
  }

  /** {@code Task_RemindReviewers}. */
  @Bean("remindReviewers")
  JavaDelegate remindReviewers(ApplicationSteps steps) {
    return execution -> steps.remindReviewers(partnershipId(execution), execution.getProcessInstanceId());
  }

  private static void stage(DelegateExecution execution, PartnershipStage stage) {
    PartnershipTaskContext.enterStage(execution, stage);
  }
}
