package org.codeorg.partnerships.classroom;

import java.util.List;

import org.codeorg.partnerships.partnership.SectionReadiness;

/** The classroom-readiness decision's findings: NOT_READY over NEEDS_APPROVAL, READY when there is none. */
public record ReadinessResult(SectionReadiness result, List<String> reasons) {

  public static ReadinessResult of(List<String> findings, List<String> reasons) {
    SectionReadiness result = findings.contains("NOT_READY") ? SectionReadiness.NOT_READY
        : findings.contains("NEEDS_APPROVAL") ? SectionReadiness.NEEDS_APPROVAL : SectionReadiness.READY;
    return new ReadinessResult(result, List.copyOf(reasons));
  }

  public String reasonsText() {
    return reasons.isEmpty() ? "Ready." : String.join(" ", reasons);
  }
}
