package org.codeorg.partnerships.workshop;

import static org.codeorg.partnerships.workshop.WorkshopProcess.*;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * The fields of the Tasklist start form "Schedule a workshop" ({@code forms/schedule-workshop.form})
 * as the API's {@link WorkshopPlan}: sessions are local dates and times in the workshop's zone
 * (given, or the region's), turned into date-times with that day's offset. What cannot be read
 * (a date that is not one, a time that does not exist on the day clocks move forward) is reported
 * under the form's own field; everything else by the plan's checks, with its fields renamed to the
 * form's ({@code sessions[1].endsAt} → {@code session2Ends}).
 */
final class StartFormWorkshop {

  /** The form's fields, removed once the workshop is recorded. */
  static final List<String> FIELDS = Stream.concat(
      Stream.of(FORM_COURSE, FORM_PHASE, FORM_TITLE, FORM_REGION, FORM_LOCATION, FORM_TIME_ZONE, FORM_CAPACITY)
          .map(ProcessVariable::name),
      sessionFields()).toList();

  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** @param unread sessions (from 1) that could not be read: the plan's own errors about them say nothing more */
  record Read(WorkshopPlan plan, List<FieldViolation> violations, java.util.Set<Integer> unread) {
  }

  private StartFormWorkshop() {
  }

  static Read read(Map<String, Object> variables) {
    List<FieldViolation> violations = new ArrayList<>();
    String region = text(variables, FORM_REGION.name());
    String timeZone = text(variables, FORM_TIME_ZONE.name());
    Optional<ZoneId> zone = timeZone == null || timeZone.isBlank() ? WorkshopTimeZones.ofRegion(region)
        : WorkshopTimeZones.parse(timeZone);
    java.util.Set<Integer> unread = new java.util.HashSet<>();
    List<WorkshopPlan.Session> sessions = sessions(variables, zone, violations, unread);
    WorkshopPlan plan = new WorkshopPlan(text(variables, FORM_COURSE.name()), integer(variables, FORM_PHASE.name()),
        text(variables, FORM_TITLE.name()), region, text(variables, FORM_LOCATION.name()), timeZone,
        integer(variables, FORM_CAPACITY.name()), sessions);
    return new Read(plan, violations, unread);
  }

  /**
   * The form's sessions ({@code session1Date}, {@code session1Starts}, {@code session1Ends}, … up to
   * {@value WorkshopProcess#FORM_SESSIONS}; a later session left wholly empty is no session) as
   * date-times with the offset of their day in {@code zone}. Shared by "Schedule a workshop" and
   * "Change a workshop's dates" ({@link WorkshopDatesChangeProcess}).
   *
   * @param zone empty when the zone is unknown: then no session can be read (the zone's own error says why)
   * @param violations receives what cannot be read, named by the form's field
   * @param unread receives the numbers (from 1) of sessions that could not be read
   * @return one session per filled row, with null date-times for an unread one
   */
  static List<WorkshopPlan.Session> sessions(Map<String, Object> variables, Optional<ZoneId> zone,
      List<FieldViolation> violations, java.util.Set<Integer> unread) {
    List<WorkshopPlan.Session> sessions = new ArrayList<>();
    for (int n = 1; n <= FORM_SESSIONS; n++) {
      String date = text(variables, "session" + n + "Date");
      String starts = text(variables, "session" + n + "Starts");
      String ends = text(variables, "session" + n + "Ends");
      if (n > 1 && blank(date) && blank(starts) && blank(ends)) {
        continue;
      }
      LocalDate day = parse(date, LocalDate::parse, "session" + n + "Date", "must be a date, e.g. 2027-07-12", violations);
      LocalTime from = parse(starts, LocalTime::parse, "session" + n + "Starts", "must be a time, e.g. 09:00", violations);
      LocalTime to = parse(ends, LocalTime::parse, "session" + n + "Ends", "must be a time, e.g. 15:00", violations);
      if (day == null || from == null || to == null || zone.isEmpty()) {
        sessions.add(new WorkshopPlan.Session(null, null));
        unread.add(sessions.size());
        continue;
      }
      String start = local(day.atTime(from), zone.get(), "session" + n + "Starts", violations);
      String end = local(day.atTime(to), zone.get(), "session" + n + "Ends", violations);
      sessions.add(new WorkshopPlan.Session(start, end));
      if (start == null || end == null) {
        unread.add(sessions.size());
      }
    }
    return sessions;
  }

  /**
   * The start form "Change a workshop's dates" ({@link WorkshopDatesChangeProcess}) as the API's
   * {@link WorkshopPlan.NewDates}, checked as {@code PUT /api/workshops/{ref}/sessions} checks it
   * (1 to 10 sessions, each ending after it starts, 1 to 12 hours, the first in the future, none
   * overlapping the one before).
   *
   * @param workshopZone the workshop's zone, used when the form's {@code timeZone} is empty
   * @throws InvalidWorkshopPlanException every broken rule, named by the form's field (an unknown
   *     {@code timeZone}, {@code session2Starts} …); nothing is written
   */
  static WorkshopPlan.NewDates newDates(Map<String, Object> variables, ZoneId workshopZone,
      jakarta.validation.Validator validator) {
    List<FieldViolation> violations = new ArrayList<>();
    String timeZone = text(variables, FORM_TIME_ZONE.name());
    Optional<ZoneId> zone = blank(timeZone) ? Optional.of(workshopZone) : WorkshopTimeZones.parse(timeZone);
    if (zone.isEmpty()) {
      violations.add(new FieldViolation(FORM_TIME_ZONE.name(),
          "must be an IANA time zone id, e.g. America/Los_Angeles (not an abbreviation or offset)"));
    }
    java.util.Set<Integer> unread = new java.util.HashSet<>();
    WorkshopPlan.NewDates dates = new WorkshopPlan.NewDates(sessions(variables, zone, violations, unread));
    for (FieldViolation violation : org.codeorg.partnerships.common.FieldViolations.check(validator, dates)) {
      String field = formField(violation.field());
      if (unread.stream().noneMatch(n -> field.startsWith("session" + n))) {
        violations.add(new FieldViolation(field, violation.message()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidWorkshopPlanException(violations);
    }
    return dates;
  }

  /** The plan's field as the form names it. */
  static String formField(String planField) {
    java.util.regex.Matcher session = java.util.regex.Pattern.compile("sessions\\[(\\d+)]\\.?(\\w*)").matcher(planField);
    if (session.matches()) {
      int n = Integer.parseInt(session.group(1)) + 1;
      return "session" + n + (session.group(2).equals("startsAt") ? "Starts" : session.group(2).equals("endsAt")
          ? "Ends" : "Date");
    }
    return planField.equals("sessions") ? "session1Date" : planField;
  }

  /** A local time that the day's clock change skips is refused rather than moved silently. */
  private static String local(LocalDateTime time, ZoneId zone, String field, List<FieldViolation> violations) {
    ZonedDateTime zoned = ZonedDateTime.ofLocal(time, zone, null);
    if (!zoned.toLocalDateTime().equals(time)) {
      violations.add(new FieldViolation(field, "does not exist in " + zone.getId() + " that day (clocks move forward)"));
      return null;
    }
    return OFFSET.format(zoned);
  }

  private static <T> T parse(String value, java.util.function.Function<String, T> parser, String field, String message,
      List<FieldViolation> violations) {
    if (blank(value)) {
      violations.add(new FieldViolation(field, "is required"));
      return null;
    }
    try {
      return parser.apply(value);
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, message));
      return null;
    } catch (DateTimeException e) {
      violations.add(new FieldViolation(field, message));
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Stream<String> sessionFields() {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= FORM_SESSIONS; n++) {
      names.addAll(List.of("session" + n + "Date", "session" + n + "Starts", "session" + n + "Ends"));
    }
    return names.stream();
  }

  static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : ControlCharacters.trimSpaces(value.toString());
  }

  /** Tasklist submits numbers as Long or Double, and a cleared field as null. */
  private static Integer integer(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
      return Integer.parseInt(s.trim());
    }
    return null;
  }
}
