package org.codeorg.partnerships.application;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules between an application's fields: a school is named once; every course, teacher and
 * leader names a listed school; a course suits its school's level; a teacher's course is offered
 * at their school; every offer has a teacher. Fields that break their own rule are skipped here
 * (they are reported once, by that rule).
 */
@Documented
@Constraint(validatedBy = ApplicationConsistency.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentApplication {

  String message() default "is not consistent";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
