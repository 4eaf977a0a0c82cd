package org.codeorg.partnerships.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Prose that may span lines: TAB, LF and CR are kept, every other control character (NUL
 * first) is refused, as {@link ControlCharacters} defines it. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = MultiLineValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MultiLine {

  String message() default ControlCharacters.MULTI_LINE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
