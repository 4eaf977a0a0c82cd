package org.codeorg.partnerships.workshop;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.codeorg.partnerships.common.FieldViolations;

/**
 * The time zone of a {@link WorkshopPlan} is a region-based IANA id ({@code America/Los_Angeles});
 * without one, the region must have a default zone ({@link WorkshopTimeZones#ofRegion}).
 */
@Documented
@Constraint(validatedBy = WorkshopTimeZone.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface WorkshopTimeZone {

  String message() default "must be an IANA time zone id, e.g. America/Los_Angeles";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<WorkshopTimeZone, WorkshopPlan> {

    @Override
    public boolean isValid(WorkshopPlan plan, ConstraintValidatorContext context) {
      if (plan == null) {
        return true;
      }
      String message;
      if (plan.timeZone() != null && !plan.timeZone().isBlank()) {
        if (WorkshopTimeZones.parse(plan.timeZone()).isPresent()) {
          return true;
        }
        message = "must be an IANA time zone id, e.g. America/Los_Angeles (not an abbreviation or offset)";
      } else if (plan.region() == null || WorkshopTimeZones.ofRegion(plan.region()).isPresent()
          || !plan.region().trim().matches("[A-Z]{2}")) {
        return true; // the region's own rule reports a missing or malformed region
      } else {
        message = "is required: region " + plan.region().trim() + " has no default time zone";
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(FieldViolations.literal(message))
          .addPropertyNode("timeZone").addConstraintViolation();
      return false;
    }
  }
}
