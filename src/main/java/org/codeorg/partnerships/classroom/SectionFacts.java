package org.codeorg.partnerships.classroom;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.codeorg.partnerships.common.SingleLine;
import org.codeorg.partnerships.partnership.CourseSection;

/** A section's set-up facts as the district reports them; the classroom-readiness decision judges them. */
public record SectionFacts(
    @Size(max = 60, message = "must be at most 60 characters") @SingleLine @Schema(example = "Period 2")
    String timeSlot,
    @Size(max = 60, message = "must be at most 60 characters") @SingleLine @Schema(example = "B-2") String room,
    @Size(max = 30, message = "must be at most 30 characters") @SingleLine @Schema(example = "CSP-1") String courseCode,
    @NotNull(message = YES_OR_NO) Boolean oneToOneComputing,
    @NotNull(message = BANDWIDTH) @Min(value = 0, message = BANDWIDTH) @Max(value = 100_000, message = BANDWIDTH)
    Integer bandwidthMbps,
    @NotNull(message = YES_OR_NO) Boolean materialsReady,
    @DollarAmount @Schema(example = "45.50") BigDecimal materialsCostPerClass) {

  private static final String YES_OR_NO = "is required (true or false)";
  private static final String BANDWIDTH = "must be between 0 and 100000";

  /** The facts to store: blank text as none, the rest trimmed. Only for a valid set-up. */
  CourseSection.SetupFacts facts() {
    return new CourseSection.SetupFacts(trimmed(timeSlot), trimmed(room), trimmed(courseCode), oneToOneComputing,
        bandwidthMbps, materialsReady, materialsCostPerClass);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
