package org.codeorg.partnerships.workshop;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.codeorg.partnerships.common.OneOf;
import org.codeorg.partnerships.common.SingleLine;
import org.codeorg.partnerships.partnership.Course;

/**
 * An in-person workshop as a PD manager plans it. The phase must be a workshop phase of the
 * course's PD track ({@link WorkshopPhaseOfTrack}); the sessions follow {@link SessionSchedule}.
 * Without a title, {@link WorkshopScheduling} names the workshop after course, phase and first day.
 */
@WorkshopPhaseOfTrack
@WorkshopTimeZone
public record WorkshopPlan(
    @OneOf(value = Course.class, message = "must be one of {values}") @SingleLine @Schema(example = "ECS")
    String course,
    @Schema(example = "2", description = "the phase number in the course's PD track") Integer phase,
    @Size(max = 200, message = "must be at most 200 characters") @SingleLine String title,
    @NotNull(message = REGION) @Pattern(regexp = "\\s*[A-Z]{2}\\s*", message = REGION) @SingleLine
    @Schema(example = "CA") String region,
    @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") @SingleLine
    @Schema(example = "Tacoma Learning Center") String location,
    @Size(max = 64, message = "must be at most 64 characters") @SingleLine
    @Schema(example = "America/Los_Angeles", description = "IANA time zone where the workshop takes place; "
        + "default: the region's (CA → America/Los_Angeles)") String timeZone,
    @NotNull(message = CAPACITY) @Min(value = 1, message = CAPACITY) @Max(value = 500, message = CAPACITY)
    @Schema(example = "30") Integer capacity,
    @SessionSchedule List<@Valid Session> sessions) {

  private static final String REGION = "must be a two-letter state code, e.g. CA";
  private static final String CAPACITY = "must be between 1 and 500";

  /**
   * One session; date-times with an offset (ISO 8601). Kept as text so that a date that does not
   * parse is reported with the other errors of the request, not instead of them.
   */
  public record Session(@SingleLine @Schema(example = "2027-07-12T09:00:00-07:00") String startsAt,
      @SingleLine @Schema(example = "2027-07-12T16:00:00-07:00") String endsAt) {
  }

  /** The plan's zone: the one given, else the region's. Only for a plan that passed its checks. */
  public java.time.ZoneId zone() {
    return timeZone == null || timeZone.isBlank() ? WorkshopTimeZones.ofRegion(region).orElseThrow()
        : WorkshopTimeZones.parse(timeZone).orElseThrow();
  }

  /** Why a PD manager cancels a workshop; emailed to the enrolled, the waitlisted and the facilitator. */
  public record Cancellation(@NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
      @org.codeorg.partnerships.common.MultiLine @Schema(example = "The venue is closed for repairs") String reason) {
  }

  /** Another member of the facilitators group leads the workshop. */
  public record FacilitatorChange(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
      @SingleLine @Schema(example = "facilitator2") String facilitator) {
  }

  /** New dates for a scheduled workshop. */
  public record NewDates(@SessionSchedule List<@Valid Session> sessions) {
  }
}
