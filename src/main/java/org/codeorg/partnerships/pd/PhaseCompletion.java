package org.codeorg.partnerships.pd;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * An online phase completed, with the hours the online environment counted and, optionally, the
 * day it was completed ({@code "yyyy-MM-dd"}; the day it is recorded when absent; not after today,
 * else 400).
 */
public record PhaseCompletion(
    @NotNull(message = HOURS) @Min(value = 1, message = HOURS) @Max(value = 200, message = HOURS) Integer hours,
    @PastOrPresent(message = "must not be in the future") LocalDate completedOn) {

  private static final String HOURS = "must be between 1 and 200";

  /** Completed the day it is recorded. */
  public PhaseCompletion(Integer hours) {
    this(hours, null);
  }
}
