package org.codeorg.partnerships.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.codeorg.partnerships.common.MultiLine;

/**
 * The four sections the partnership terms ask the district's plan to detail (or a reviewer's
 * comments on them). The constraints are checked where a district submits a plan
 * ({@link PlanSubmissions#submit}); comments may be empty.
 */
public record PlanSections(
    @NotBlank(message = REQUIRED) @Size(max = MAX, message = TOO_LONG) @MultiLine String vision,
    @NotBlank(message = REQUIRED) @Size(max = MAX, message = TOO_LONG) @MultiLine String implementation,
    @NotBlank(message = REQUIRED) @Size(max = MAX, message = TOO_LONG) @MultiLine String promotion,
    @NotBlank(message = REQUIRED) @Size(max = MAX, message = TOO_LONG) @MultiLine String communitySupport) {

  public static final int MAX = 20_000;
  private static final String REQUIRED = "is required";
  private static final String TOO_LONG = "must be at most " + MAX + " characters";

  PlanSections trimmed() {
    return new PlanSections(vision.trim(), implementation.trim(), promotion.trim(), communitySupport.trim());
  }
}
