package org.codeorg.partnerships.evaluation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.common.OneOfValidator;
import org.codeorg.partnerships.evaluation.EvaluationData.CourseCounts;
import org.codeorg.partnerships.partnership.Course;

/**
 * Each entry of {@link EvaluationData} has its three counts; once every entry is complete and
 * names a course, the data as a whole passes {@link EvaluationDataText#check} (at least one
 * course, none twice, counts in range, no more completions than enrolments).
 */
@Documented
@Constraint(validatedBy = CompleteResults.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CompleteResults {

  String message() default "needs sectionsTaught, studentsEnrolled and studentsCompleted";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<CompleteResults, EvaluationData> {

    private static final Pattern FIELD = Pattern.compile("courses(?:\\[(\\d+)](?:\\.(\\w+))?)?");

    private String incomplete;

    @Override
    public void initialize(CompleteResults constraint) {
      incomplete = constraint.message();
    }

    @Override
    public boolean isValid(EvaluationData data, ConstraintValidatorContext context) {
      if (data == null || data.courses().size() > EvaluationData.MAX_COURSES) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean readable = true;
      boolean reported = false;
      List<CourseResult> results = new ArrayList<>();
      for (int i = 0; i < data.courses().size(); i++) {
        CourseCounts counts = data.courses().get(i);
        Optional<Course> course = OneOfValidator.parse(Course.class, counts == null ? null : counts.course());
        if (counts == null) {
          // A null entry has no course either; its field rule cannot see that.
          violation(context, "courses[" + i + "].course", "must be one of "
              + String.join(", ", OneOfValidator.names(Course.class)));
        }
        if (counts == null || counts.sectionsTaught() == null || counts.studentsEnrolled() == null
            || counts.studentsCompleted() == null) {
          violation(context, "courses[" + i + "]", incomplete);
          readable = false;
          reported = true;
        } else if (course.isEmpty()) {
          readable = false;
        } else {
          results.add(new CourseResult(course.get(), counts.sectionsTaught(), counts.studentsEnrolled(),
              counts.studentsCompleted()));
        }
      }
      if (!readable) {
        // A course that names none is the field rule's to report; failing without a message of our
        // own is an error of the validator (HV000033), which answered 500.
        return !reported;
      }
      List<FieldViolation> violations = EvaluationDataText.check(results, "courses");
      violations.forEach(v -> violation(context, v.field(), v.message()));
      return violations.isEmpty();
    }

    /** {@code field} is "courses", "courses[i]" or "courses[i].name". */
    private static void violation(ConstraintValidatorContext context, String field, String message) {
      var builder = context.buildConstraintViolationWithTemplate(FieldViolations.literal(message));
      Matcher m = FIELD.matcher(field);
      if (!m.matches() || m.group(1) == null) {
        builder.addPropertyNode("courses").addConstraintViolation();
      } else if (m.group(2) == null) {
        builder.addPropertyNode("courses").addBeanNode().inIterable().atIndex(Integer.parseInt(m.group(1)))
            .addConstraintViolation();
      } else {
        builder.addPropertyNode("courses").addPropertyNode(m.group(2)).inIterable()
            .atIndex(Integer.parseInt(m.group(1))).addConstraintViolation();
      }
    }
  }
}
