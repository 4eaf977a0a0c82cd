package org.codeorg.partnerships.workshop;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.codeorg.partnerships.workshop.WorkshopPlan.Session;

/**
 * A workshop's sessions: 1 to {@value #MAX_SESSIONS}, each a date-time pair with offsets, lasting
 * 1 to 12 hours, the first in the future (the engine's clock) and each after the previous one ends.
 */
@Documented
@Constraint(validatedBy = SessionSchedule.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface SessionSchedule {

  int MAX_SESSIONS = 10;

  String message() default "must list 1 to " + MAX_SESSIONS + " sessions";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Created by Spring's validator factory, which passes the clock. */
  class Check implements ConstraintValidator<SessionSchedule, List<Session>> {

    static final Duration MAX_SESSION_LENGTH = Duration.ofHours(12);
    private static final String DATE_TIME = "must be a date-time with offset, e.g. 2027-07-12T09:00:00-07:00";

    private final Clock clock;

    public Check(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(List<Session> sessions, ConstraintValidatorContext context) {
      if (sessions == null || sessions.isEmpty() || sessions.size() > MAX_SESSIONS) {
        return false;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      Instant previousEnd = clock.instant();
      for (int i = 0; i < sessions.size(); i++) {
        Session session = sessions.get(i);
        Instant start = instant(session == null ? null : session.startsAt());
        Instant end = instant(session == null ? null : session.endsAt());
        if (start == null || end == null) {
          if (start == null) {
            at(context, i, "startsAt", DATE_TIME);
          }
          if (end == null) {
            at(context, i, "endsAt", DATE_TIME);
          }
          valid = false;
          continue;
        }
        if (!end.isAfter(start)) {
          at(context, i, "endsAt", "must be after the session starts");
          valid = false;
        } else if (Duration.between(start, end).compareTo(MAX_SESSION_LENGTH) > 0
            || Duration.between(start, end).toHours() < 1) {
          at(context, i, null, "must last between 1 and 12 hours");
          valid = false;
        } else if (!start.isAfter(previousEnd)) {
          at(context, i, "startsAt", i == 0 ? "must be in the future"
              : "must be after the previous session ends (sessions must not overlap)");
          valid = false;
        }
        previousEnd = end;
      }
      return valid;
    }

    /** The sessions as instants; only for sessions that passed the check. */
    static List<SessionTimes> times(List<Session> sessions) {
      return sessions.stream().map(s -> new SessionTimes(instant(s.startsAt()), instant(s.endsAt()))).toList();
    }

    private static Instant instant(String value) {
      try {
        return value == null ? null : OffsetDateTime.parse(value.trim()).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private static void at(ConstraintValidatorContext context, int index, String field, String message) {
      var builder = context.buildConstraintViolationWithTemplate(message);
      if (field == null) {
        builder.addBeanNode().inIterable().atIndex(index).addConstraintViolation();
      } else {
        builder.addPropertyNode(field).inIterable().atIndex(index).addConstraintViolation();
      }
    }
  }
}
