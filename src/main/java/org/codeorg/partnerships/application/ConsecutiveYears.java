package org.codeorg.partnerships.application;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Matcher;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A school year {@code YYYY-YYYY} whose second year follows the first; other shapes are left to {@code @Pattern}. */
@Documented
@Constraint(validatedBy = ConsecutiveYears.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ConsecutiveYears {

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ConsecutiveYears, String> {

    private static final java.util.regex.Pattern YEARS = java.util.regex.Pattern.compile("^(\\d{4})-(\\d{4})$");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      Matcher years = value == null ? null : YEARS.matcher(value);
      return years == null || !years.matches()
          || Integer.parseInt(years.group(2)) == Integer.parseInt(years.group(1)) + 1;
    }
  }
}
