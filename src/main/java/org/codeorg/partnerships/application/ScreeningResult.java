package org.codeorg.partnerships.application;

import java.util.List;

/** The screening's result (ELIGIBLE, NEEDS_REVIEW or INELIGIBLE) and the reasons behind it. */
public record ScreeningResult(String outcome, List<String> reasons) {

  /** The findings of the decision table: the most severe one decides, ELIGIBLE when there is none. */
  public static ScreeningResult of(List<String> outcomes, List<String> reasons) {
    String outcome = outcomes.contains("INELIGIBLE") ? "INELIGIBLE"
        : outcomes.contains("NEEDS_REVIEW") ? "NEEDS_REVIEW" : "ELIGIBLE";
    return new ScreeningResult(outcome, List.copyOf(reasons));
  }

  public String reasonsText() {
    return reasons.isEmpty() ? "All screening checks passed." : String.join(" ", reasons);
  }
}
