package org.codeorg.partnerships.application;

import org.camunda.bpm.engine.BadUserRequestException;

/** The district already applied for this school year. */
public class DuplicateApplicationException extends BadUserRequestException {

  private final String existingReference;

  public DuplicateApplicationException(String existingReference) {
    super("This district already applied for this school year: partnership " + existingReference);
    this.existingReference = existingReference;
  }

  public String getExistingReference() {
    return existingReference;
  }
}
