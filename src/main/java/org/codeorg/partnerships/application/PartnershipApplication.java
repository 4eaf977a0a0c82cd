package org.codeorg.partnerships.application;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.codeorg.partnerships.common.EmailAddress;
import org.codeorg.partnerships.common.OneOf;
import org.codeorg.partnerships.common.SingleLine;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.LeaderRole;
import org.codeorg.partnerships.partnership.SchoolLevel;

/**
 * A district's application, in the shape of the HTTP contract (docs/examples/application.json). Codes (course, school
 * level, leader role) stay strings here so that a wrong code is reported as a field error
 * instead of failing to parse. The field rules are the annotations; the rules between fields
 * (schools named once, offers at listed schools of the right level, a teacher per offer) are
 * {@link ConsistentApplication}. Every violation is reported at once.
 */
@ConsistentApplication
@Schema(description = "A district's application for a partnership")
public record PartnershipApplication(
    @NotNull(message = REQUIRED) @Valid DistrictInfo district,
    @NotNull(message = REQUIRED) @Valid ContactInfo contact,
    @NotNull(message = SCHOOL_YEAR) @Pattern(regexp = "\\d{4}-\\d{4}", message = SCHOOL_YEAR)
    @ConsecutiveYears(message = SCHOOL_YEAR) @SingleLine @Schema(example = "2027-2028") String schoolYear,
    @NotEmpty(message = "must name at least one school")
    @Size(max = MAX_SCHOOLS, message = "must be at most " + MAX_SCHOOLS + " schools per application" + LARGER)
    List<@NotNull(message = REQUIRED) @Valid SchoolInfo> schools,
    @NotEmpty(message = "must offer at least one course of the partnership terms")
    @Size(max = MAX_COURSES, message = "must be at most " + MAX_COURSES + " course offers per application" + LARGER)
    List<@NotNull(message = REQUIRED) @Valid CourseOffer> courses,
    @Size(max = MAX_TEACHERS, message = "must be at most " + MAX_TEACHERS + " teachers per application" + LARGER)
    List<@NotNull(message = REQUIRED) @Valid TeacherInfo> teachers,
    @Size(max = MAX_LEADERS, message = "must be at most " + MAX_LEADERS + " counselors and principals per application"
        + LARGER)
    List<@NotNull(message = REQUIRED) @Valid LeaderInfo> leaders,
    @NotNull(message = REQUIRED) @Valid TechnologyInfo technology) {

  /** Limits of one application (the page states them); a larger district applies in parts, one per region. */
  public static final int MAX_SCHOOLS = 100;
  public static final int MAX_COURSES = 300;
  public static final int MAX_TEACHERS = 2000;
  public static final int MAX_LEADERS = 200;
  private static final String LARGER = "; a larger district applies once per group of schools, or writes to "
      + "partnerships@code.org";
  static final String REQUIRED = "is required";
  static final String TOO_LONG = "must be at most 200 characters";
  static final int MAX_TEXT = 200;
  static final int MAX_SECTIONS_PER_COURSE = 50;
  private static final String SCHOOL_YEAR = "must be two consecutive years such as 2027-2028";
  private static final String SECTIONS = "must be between 1 and " + MAX_SECTIONS_PER_COURSE;
  private static final String BANDWIDTH = "must be between 0 and 100000 Mb/s";

  public PartnershipApplication {
    schools = schools == null ? List.of() : List.copyOf(schools);
    courses = courses == null ? List.of() : List.copyOf(courses);
    teachers = teachers == null ? List.of() : List.copyOf(teachers);
    leaders = leaders == null ? List.of() : List.copyOf(leaders);
  }

  public record DistrictInfo(
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String name,
      @NotNull(message = NCES) @Pattern(regexp = "\\d{7}", message = NCES) @SingleLine
      @Schema(example = "0612345") String ncesId,
      @NotNull(message = STATE) @Pattern(regexp = "[A-Z]{2}", message = STATE) @SingleLine
      @Schema(example = "CA") String state) {

    private static final String NCES = "must be the 7-digit NCES district id";
    private static final String STATE = "must be a two-letter state code such as CA";
  }

  public record ContactInfo(
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String name,
      @NotBlank(message = REQUIRED) @EmailAddress @SingleLine String email,
      @Size(max = 40, message = "must be at most 40 characters") @SingleLine String phone) {
  }

  public record SchoolInfo(
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String name,
      @OneOf(SchoolLevel.class) @SingleLine String level) {
  }

  public record CourseOffer(
      @OneOf(Course.class) @SingleLine String course,
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG)
      @SingleLine @Schema(description = "the name of a school listed in schools") String school,
      @NotNull(message = SECTIONS) @Min(value = 1, message = SECTIONS) @Max(value = MAX_SECTIONS_PER_COURSE, message = SECTIONS)
      Integer sections) {
  }

  public record TeacherInfo(
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String name,
      @NotBlank(message = REQUIRED) @EmailAddress @SingleLine String email,
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String school,
      @OneOf(Course.class) @SingleLine String course) {
  }

  public record LeaderInfo(
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String name,
      @NotBlank(message = REQUIRED) @EmailAddress @SingleLine String email,
      @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG) @SingleLine String school,
      @OneOf(LeaderRole.class) @SingleLine String role) {
  }

  public record TechnologyInfo(
      @NotNull(message = REQUIRED) Boolean oneToOneComputing,
      @NotNull(message = BANDWIDTH) @Min(value = 0, message = BANDWIDTH) @Max(value = 100_000, message = BANDWIDTH)
      Integer bandwidthMbps) {
  }
}
