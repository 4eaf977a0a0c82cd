package org.codeorg.partnerships.application;

import java.util.List;
import java.util.stream.Collectors;

import org.codeorg.partnerships.common.FieldViolation;

/** A renewal confirmation that breaks a rule against the partnership; nothing was written (400, each field named). */
public class InvalidRenewalException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidRenewalException(List<FieldViolation> violations) {
    super("The confirmation has errors: " + violations.stream().map(v -> v.field() + " " + v.message())
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> getViolations() {
    return violations;
  }
}
