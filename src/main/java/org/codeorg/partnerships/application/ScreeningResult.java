package org.codeorg.partnerships.application;

import java.util.List;

/** The screening's result (ELIGIBLE, NEEDS_REVIEW or INELIGIBLE) and the reasons behind it. */
public record ScreeningResult(String outcome, List<String> reasons) {

  public String reasonsText() {
    return reasons.isEmpty() ? "All screening checks passed." : String.join(" ", reasons);
  }
}
