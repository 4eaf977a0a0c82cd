package org.codeorg.partnerships.application;

import org.codeorg.partnerships.common.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * An application that breaks the intake rules. Camunda's form validation exception, so that a
 * Tasklist start form submission is answered with 400 and the message, and nothing is started.
 */
public class InvalidApplicationException extends FormFieldValidationException {

  private final transient List<FieldViolation> violations;

  public InvalidApplicationException(List<FieldViolation> violations) {
    super(List.copyOf(violations), "The application has errors: " + violations.stream()
        .map(v -> v.field() + " " + v.message())
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> getViolations() {
    return violations;
  }
}
