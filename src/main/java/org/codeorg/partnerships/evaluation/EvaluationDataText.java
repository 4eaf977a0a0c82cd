package org.codeorg.partnerships.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.partnership.Course;

/**
 * The district's evaluation data, checked the same way from the API and from a liaison's form
 * ("one line per course: course, sections taught, students enrolled, students completed").
 */
public final class EvaluationDataText {

  private EvaluationDataText() {
  }

  public static List<FieldViolation> check(List<CourseResult> results, String field) {
    List<FieldViolation> violations = new ArrayList<>();
    if (results.isEmpty()) {
      violations.add(new FieldViolation(field, "list at least one course"));
    }
    Set<Course> seen = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      CourseResult r = results.get(i);
      String at = field + "[" + i + "]";
      if (!seen.add(r.course())) {
        violations.add(new FieldViolation(at + ".course", r.course() + " is listed twice"));
      }
      if (r.sectionsTaught() < 0 || r.sectionsTaught() > 1000) {
        violations.add(new FieldViolation(at + ".sectionsTaught", "must be between 0 and 1000"));
      }
      if (r.studentsEnrolled() < 0 || r.studentsEnrolled() > 100_000) {
        violations.add(new FieldViolation(at + ".studentsEnrolled", "must be between 0 and 100000"));
      }
      if (r.studentsCompleted() < 0 || r.studentsCompleted() > r.studentsEnrolled()) {
        violations.add(new FieldViolation(at + ".studentsCompleted", "must be between 0 and the students enrolled"));
      }
    }
    return violations;
  }

  /** Parses "CSP, 2, 55, 50" lines; a line that does not parse is a violation named after its number. */
  public static List<CourseResult> parse(String text, List<FieldViolation> violations) {
    List<CourseResult> results = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s*,\\s*");
      try {
        results.add(new CourseResult(Course.valueOf(parts[0].trim().toUpperCase(java.util.Locale.ROOT)),
            Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        if (parts.length != 4) {
          throw new IllegalArgumentException();
        }
      } catch (RuntimeException e) {
        violations.add(new FieldViolation("courseResults", "line " + (i + 1)
            + ": write COURSE, sections taught, students enrolled, students completed, e.g. CSP, 2, 55, 50"));
      }
    }
    return results;
  }
}
