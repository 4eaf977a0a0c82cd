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
 * Text on one line: no control character (TAB, CR and LF included) and no line or paragraph
 * separator, as {@link ControlCharacters} defines it. Null is left to {@code @NotNull}/{@code @NotBlank}.
 * For names, titles, addresses, subjects, codes: everything that becomes a mail header, a CSV cell
 * or a label.
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

  String message() default ControlCharacters.SINGLE_LINE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
