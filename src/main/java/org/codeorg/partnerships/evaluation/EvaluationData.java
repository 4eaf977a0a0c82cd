package org.codeorg.partnerships.evaluation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.codeorg.partnerships.common.OneOf;
import org.codeorg.partnerships.common.SingleLine;
import org.codeorg.partnerships.partnership.Course;

/**
 * The district's results of the school year, one entry per course. Besides the field rules,
 * {@link CompleteResults}: each entry has its three counts, and the entries together pass the
 * same check as a liaison's form ({@link EvaluationDataText#check}).
 */
@CompleteResults
public record EvaluationData(
    @Size(max = MAX_COURSES, message = "must list at most " + MAX_COURSES + " courses") List<@Valid CourseCounts> courses) {

  static final int MAX_COURSES = 20;
  static final String COURSE_CODES = "must be one of {values}";

  public EvaluationData {
    courses = courses == null ? List.of() : courses.stream().toList();
  }

  /** One course's counts; a count left out is reported for the entry as a whole. */
  public record CourseCounts(
      @OneOf(value = Course.class, message = COURSE_CODES) @SingleLine @Schema(example = "CSP") String course,
      @Schema(example = "2") Integer sectionsTaught,
      @Schema(example = "55") Integer studentsEnrolled,
      @Schema(example = "50") Integer studentsCompleted) {
  }

  /** The results to store; only for data that passed its checks. */
  List<CourseResult> results() {
    return courses.stream().map(c -> new CourseResult(Course.valueOf(c.course().trim()), c.sectionsTaught(),
        c.studentsEnrolled(), c.studentsCompleted())).toList();
  }
}
