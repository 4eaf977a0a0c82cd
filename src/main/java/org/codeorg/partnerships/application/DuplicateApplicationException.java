package org.codeorg.partnerships.application;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The district already applied for this school year (400 on a Tasklist start form, like a field error). */
public class DuplicateApplicationException extends FormFieldValidationException {

  private final String existingReference;

  public DuplicateApplicationException(String existingReference) {
    super(existingReference, "This district already applied for this school year: partnership " + existingReference);
    this.existingReference = existingReference;
  }

  public String getExistingReference() {
    return existingReference;
  }
}
