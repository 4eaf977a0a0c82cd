package org.codeorg.partnerships.partnership;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of {@code district-link-reissue}, named after their elements. */
@Configuration
class DistrictLinkDelegates {

  /**
   * {@code Task_ReissueDistrictLink}: runs in the start form's transaction, so an unknown
   * partnership is the start form's error on its field (the REST API answers 400) and nothing starts.
   */
  @Bean("reissueDistrictLink")
  JavaDelegate reissueDistrictLink(DistrictTokenReissue reissue) {
    return execution -> {
      String reference = DistrictLinkReissueProcess.PARTNERSHIP_REFERENCE.get(execution);
      try {
        DistrictLinkReissueProcess.LINK_GENERATION.set(execution,
            reissue.reissue(reference == null ? "" : reference.trim(), DistrictLinkReissueProcess.REISSUED_BY.get(execution)));
      } catch (UnknownPartnershipException unknown) {
        throw new FormFieldValidationException(DistrictLinkReissueProcess.PARTNERSHIP_REFERENCE.name(),
            "No partnership " + reference + ": check the reference");
      }
    };
  }
}
