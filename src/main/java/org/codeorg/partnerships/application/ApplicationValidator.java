package org.codeorg.partnerships.application;

import java.util.List;

import jakarta.validation.Validator;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.FieldViolations;
import org.springframework.stereotype.Component;

/**
 * The intake rules, as {@link PartnershipApplication}'s constraints: every violation is collected,
 * so a district sees all its errors at once. Called explicitly (not by method validation) because
 * both callers answer with {@link InvalidApplicationException}, which Tasklist's start form needs.
 */
@Component
public class ApplicationValidator {

  private final Validator validator;

  public ApplicationValidator(Validator validator) {
    this.validator = validator;
  }

  /** @return the violations, each named by its JSON path; empty when the application is valid */
  public List<FieldViolation> validate(PartnershipApplication application) {
    if (application == null) {
      return List.of(new FieldViolation("application", "is required"));
    }
    return FieldViolations.check(validator, application);
  }
}
