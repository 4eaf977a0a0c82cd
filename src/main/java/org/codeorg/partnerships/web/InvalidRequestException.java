package org.codeorg.partnerships.web;

import java.util.List;

import org.codeorg.partnerships.common.FieldViolation;

/** A request body with missing or bad fields (400, each field named). */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super("The request has errors");
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> getViolations() {
    return violations;
  }
}
