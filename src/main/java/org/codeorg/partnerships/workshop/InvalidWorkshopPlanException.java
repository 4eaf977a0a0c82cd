package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.common.FieldViolation;

/**
 * A "Schedule a workshop" start form that breaks the plan's rules. Camunda's form validation
 * exception, so that Tasklist's submission is answered with 400 and the message naming each field,
 * and nothing is started or written.
 */
public class InvalidWorkshopPlanException extends FormFieldValidationException {

  private final transient List<FieldViolation> violations;

  public InvalidWorkshopPlanException(List<FieldViolation> violations) {
    super(List.copyOf(violations), "The workshop has errors: " + violations.stream()
        .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> getViolations() {
    return violations;
  }
}
