package org.codeorg.partnerships.workshop;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.common.OneOfValidator;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.pd.PlannedPhase;

/**
 * The phase of a {@link WorkshopPlan} exists in its course's PD track (the {@code pd-track}
 * decision) and is delivered in person or by an affiliate. Not judged while the course is wrong.
 */
@Documented
@Constraint(validatedBy = WorkshopPhaseOfTrack.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface WorkshopPhaseOfTrack {

  String message() default "must be a workshop phase of the course's PD track";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Created by Spring's validator factory, which passes the workshop phases. */
  class Check implements ConstraintValidator<WorkshopPhaseOfTrack, WorkshopPlan> {

    private final WorkshopPhases phases;

    public Check(WorkshopPhases phases) {
      this.phases = phases;
    }

    @Override
    public boolean isValid(WorkshopPlan plan, ConstraintValidatorContext context) {
      Optional<Course> course = OneOfValidator.parse(Course.class, plan == null ? null : plan.course());
      if (course.isEmpty() || phases.find(course.get(), plan.phase()).isPresent()) {
        return true;
      }
      List<PlannedPhase> workshops = phases.of(course.get());
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(FieldViolations.literal("must be a workshop phase of " + course.get()
              + ": " + workshops.stream().map(p -> p.number() + " (" + p.name() + ")").toList()))
          .addPropertyNode("phase").addConstraintViolation();
      return false;
    }
  }
}
