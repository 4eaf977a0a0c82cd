package org.codeorg.partnerships.application;

import java.util.List;

import org.codeorg.partnerships.lifecycle.LifecycleProcess.ScreeningOutcome;

/** The screening's result (ELIGIBLE, NEEDS_REVIEW or INELIGIBLE) and the reasons behind it. */
public record ScreeningResult(ScreeningOutcome outcome, List<String> reasons) {

  /**
   * The findings of the decision table: the most severe one decides, ELIGIBLE when there is none.
   *
   * @param outcomes the table's {@code outcome} entries
   * @throws IllegalArgumentException when the table answers an outcome the contract does not know
   */
  public static ScreeningResult of(List<String> outcomes, List<String> reasons) {
    ScreeningOutcome outcome = outcomes.stream().map(ScreeningOutcome::valueOf)
        .max(Comparable::compareTo).orElse(ScreeningOutcome.ELIGIBLE);
    return new ScreeningResult(outcome, List.copyOf(reasons));
  }

  public String reasonsText() {
    return reasons.isEmpty() ? "All screening checks passed." : String.join(" ", reasons);
  }
}
