package org.codeorg.partnerships.classroom;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.codeorg.partnerships.partnership.SectionReadiness;

/** The classroom-readiness decision's findings: NOT_READY over NEEDS_APPROVAL, READY when there is none. */
public record ReadinessResult(SectionReadiness result, List<String> reasons) {

  /** @throws IllegalArgumentException when the table answers a finding {@link SectionReadiness} does not have */
  public static ReadinessResult of(List<String> findings, List<String> reasons) {
    Set<SectionReadiness> found = findings.stream().map(SectionReadiness::valueOf).collect(Collectors.toSet());
    SectionReadiness result = found.contains(SectionReadiness.NOT_READY) ? SectionReadiness.NOT_READY
        : found.contains(SectionReadiness.NEEDS_APPROVAL) ? SectionReadiness.NEEDS_APPROVAL : SectionReadiness.READY;
    return new ReadinessResult(result, List.copyOf(reasons));
  }

  public String reasonsText() {
    return reasons.isEmpty() ? "Ready." : String.join(" ", reasons);
  }
}
