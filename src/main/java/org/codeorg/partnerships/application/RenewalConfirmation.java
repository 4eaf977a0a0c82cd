package org.codeorg.partnerships.application;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.common.EmailAddress;
import org.codeorg.partnerships.common.OneOf;
import org.codeorg.partnerships.common.SingleLine;
import org.codeorg.partnerships.partnership.Course;

/**
 * The district's answer to a renewal: for every teacher carried over from last year whether they
 * stay, the teachers it adds, and the number of sections per school and course where it changes
 * (an offer not listed keeps its sections; 0 drops the course at that school). The rules between
 * fields and against the partnership (every carried-over teacher answered once, known schools, a
 * section for every teacher's course, no email twice) are checked by {@link RenewalConfirmations}.
 *
 * <p>With {@code schools} the answer is the whole next school year (what the district page sends): {@code schools}
 * lists every school (a carried-over school not listed is removed with its sections and counselors and principals;
 * its teachers must be answered "does not return"; a new name is a new school), and {@code sections} lists every
 * offer (a carried-over offer not listed is dropped). Without {@code schools} the schools stay and {@code sections}
 * lists changes only. Limits as an application's ({@link PartnershipApplication}).
 */
@Schema(description = "The district confirms or changes the schools' sections and teachers carried over into the next school year")
public record RenewalConfirmation(
    @NotNull(message = "must list every teacher carried over, each with keep true or false")
    @Size(max = MAX_TEACHERS, message = "must list at most " + MAX_TEACHERS + " teachers")
    List<@NotNull(message = REQUIRED) @Valid TeacherChoice> teachers,
    @Size(max = MAX_TEACHERS, message = "must add at most " + MAX_TEACHERS + " teachers")
    List<@NotNull(message = REQUIRED) @Valid NewTeacher> newTeachers,
    @Size(max = MAX_OFFERS, message = "must list at most " + MAX_OFFERS + " offers")
    List<@NotNull(message = REQUIRED) @Valid SectionCount> sections,
    @Size(min = 1, max = PartnershipApplication.MAX_SCHOOLS, message = "must list from 1 to "
        + PartnershipApplication.MAX_SCHOOLS + " schools")
    @Schema(description = "optional: every school of the next school year (then sections lists every offer)")
    List<@NotNull(message = REQUIRED) @Valid SchoolInfo> schools) {

  static final String REQUIRED = "is required";
  static final int MAX_TEACHERS = 2000;
  static final int MAX_OFFERS = PartnershipApplication.MAX_COURSES;
  private static final String TOO_LONG = "must be at most 200 characters";
  private static final String SECTIONS = "must be between 0 and " + PartnershipApplication.MAX_SECTIONS_PER_COURSE;

  public RenewalConfirmation {
    newTeachers = newTeachers == null ? List.of() : List.copyOf(newTeachers);
    sections = sections == null ? List.of() : List.copyOf(sections);
    schools = schools == null ? null : List.copyOf(schools);
  }

  /** Without the schools: they stay, and {@code sections} lists changes only. */
  public RenewalConfirmation(List<TeacherChoice> teachers, List<NewTeacher> newTeachers, List<SectionCount> sections) {
    this(teachers, newTeachers, sections, null);
  }

  /** A teacher carried over from last year: {@code keep} false takes them out of the new school year. */
  public record TeacherChoice(
      @NotNull(message = REQUIRED) @Schema(description = "a teacherId of the renewed partnership") Long teacherId,
      @NotNull(message = "must be true or false") Boolean keep) {
  }

  public record NewTeacher(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) @SingleLine String name,
      @NotBlank(message = REQUIRED) @EmailAddress @SingleLine String email,
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) @SingleLine
      @Schema(description = "the name of one of the partnership's schools") String school,
      @OneOf(Course.class) @SingleLine String course) {
  }

  public record SectionCount(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) @SingleLine String school,
      @OneOf(Course.class) @SingleLine String course,
      @NotNull(message = SECTIONS) @Min(value = 0, message = SECTIONS)
      @Max(value = PartnershipApplication.MAX_SECTIONS_PER_COURSE, message = SECTIONS) Integer sections) {
  }
}
