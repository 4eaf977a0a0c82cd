package org.codeorg.partnerships.pd;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An online phase completed, with the hours the online environment counted. */
public record PhaseCompletion(
    @NotNull(message = HOURS) @Min(value = 1, message = HOURS) @Max(value = 200, message = HOURS) Integer hours) {

  private static final String HOURS = "must be between 1 and 200";
}
