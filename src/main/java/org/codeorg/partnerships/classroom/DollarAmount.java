package org.codeorg.partnerships.classroom;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** Dollars and cents from 0 to 100,000, required; one violation whichever part is wrong. */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@NotNull
@DecimalMin("0")
@DecimalMax("100000")
@Digits(integer = 6, fraction = 2)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface DollarAmount {

  String message() default "must be an amount in dollars between 0 and 100000";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
