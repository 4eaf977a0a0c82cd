package org.codeorg.partnerships.mail;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.engine.CompletingUser;
import org.codeorg.partnerships.engine.FormValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of {@code undelivered-email}, named after their elements. */
@Configuration
class UndeliveredEmailDelegates {

  /**
   * {@code Task_ApplyEmailResolution}: runs in the task's completion, so a decision that cannot be
   * applied (the email was sent again meanwhile, no corrected address) keeps the task open with the
   * reason (a 400 over the REST API, Tasklist shows it).
   */
  @Bean("applyEmailResolution")
  JavaDelegate applyEmailResolution(UndeliveredEmails emails) {
    return execution -> {
      try {
        emails.resolve(UndeliveredEmailProcess.EMAIL_ID.require(execution),
            UndeliveredEmailProcess.EMAIL_RESOLUTION.require(execution),
            UndeliveredEmailProcess.CORRECTED_ADDRESS.get(execution),
            FormValues.text(execution, CompletingUser.VARIABLE));
      } catch (NotWaitingException | IllegalArgumentException refused) {
        throw new FormFieldValidationException(UndeliveredEmailProcess.EMAIL_RESOLUTION.name(), refused.getMessage());
      }
    };
  }
}
