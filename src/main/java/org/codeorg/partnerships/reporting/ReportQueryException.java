package org.codeorg.partnerships.reporting;

import java.util.List;

import org.codeorg.partnerships.common.FieldViolation;

/** A report's filter, sort or paging parameter is not acceptable; the Cockpit plugin API answers 400 naming the fields. */
public class ReportQueryException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public ReportQueryException(List<FieldViolation> violations) {
    super("Invalid report parameters: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
