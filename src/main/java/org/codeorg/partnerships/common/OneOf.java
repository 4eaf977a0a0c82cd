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
 * A code that names a constant of {@link #value()} (after trimming). Codes stay strings in request
 * bodies so that a wrong one is a field error, not a body that fails to parse; null is no constant.
 * {@code {values}} in the message becomes the constants' names, comma-separated. The OpenAPI
 * document lists the constants as the field's enum.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  String message() default "must be one of [{values}]";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
