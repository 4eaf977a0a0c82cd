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
 * An address the outbox can send to: something@domain.tld, at most 320 characters. Not
 * {@code @Email}: that one accepts {@code a@b} and an address of blanks only, which the intake has
 * always refused (a blank address is {@code @NotBlank}'s "is required", reported once).
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {

  String message() default "must be an email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
