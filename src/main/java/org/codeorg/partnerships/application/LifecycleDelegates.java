package org.codeorg.partnerships.application;

import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle's delegates from screening to signed terms, as named beans
 * ({@code ${screenApplication}}, …). Each reads ids and form values, calls a feature service and
 * writes back a few variables.
 */
@Configuration
class LifecycleDelegates {

  @Bean("screenApplication")
  JavaDelegate screenApplication(ApplicationScreening screening) {
    return execution -> {
      ScreeningResult result = screening.screen(LifecycleProcess.partnershipId(execution));
      execution.setVariable("screeningResult", result.outcome());
      execution.setVariable("screeningReasons", result.reasonsText());
    };
  }

  @Bean("requestInformation")
  JavaDelegate requestInformation(ApplicationSteps steps) {
    return execution -> stage(execution, steps.requestInformation(LifecycleProcess.partnershipId(execution),
        execution.getProcessInstanceId(), (String) execution.getVariable("informationRequest")));
  }

  /** The reminder's activity id (7 or 14 days) tells the two reminders apart. */
  @Bean("remindInformation")
  JavaDelegate remindInformation(ApplicationSteps steps) {
    return execution -> steps.remindInformation(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId(),
        execution.getCurrentActivityId());
  }

  @Bean("withdrawUnanswered")
  JavaDelegate withdrawUnanswered(ApplicationSteps steps) {
    return execution -> stage(execution,
        steps.withdrawUnanswered(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId()));
  }

  @Bean("declineApplication")
  JavaDelegate declineApplication(ApplicationSteps steps) {
    return execution -> stage(execution, steps.decline(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId(),
        (String) execution.getVariable("declineReason")));
  }

  @Bean("acceptApplication")
  JavaDelegate acceptApplication(ApplicationSteps steps) {
    return execution -> stage(execution, steps.accept(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId()));
  }

  @Bean("remindSignature")
  JavaDelegate remindSignature(ApplicationSteps steps) {
    return execution -> {
      Integer sent = (Integer) execution.getVariable("signatureRemindersSent");
      int number = sent == null ? 1 : sent + 1;
      steps.remindSignature(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId(), number);
      execution.setVariable("signatureRemindersSent", number);
    };
  }

  @Bean("recordAgreement")
  JavaDelegate recordAgreement(ApplicationSteps steps) {
    return execution -> stage(execution, steps.recordAgreement(LifecycleProcess.partnershipId(execution),
        execution.getProcessInstanceId(), (String) execution.getVariable("signatoryName"),
        date(execution.getVariable("agreementSignedOn"))));
  }

  @Bean("remindReviewers")
  JavaDelegate remindReviewers(ApplicationSteps steps) {
    return execution -> steps.remindReviewers(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId());
  }


  static void stage(DelegateExecution execution, PartnershipStage stage) {
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
  }

  static LocalDate date(Object value) {
    return FormValues.date(value);
  }
}
