package org.codeorg.partnerships.workshop;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545, iTIP RFC 5546) invites for a workshop, written with
 * <a href="https://www.ical4j.org/">ical4j</a> 4.1: one VEVENT per session with
 * {@code DTSTART;TZID=<the workshop's zone>} and that zone's VTIMEZONE, ORGANIZER (the organizing
 * PD manager), one ATTENDEE (the recipient, {@code RSVP=TRUE}), a UID that stays the same for a
 * session ({@code WS-00001-session-1@partnerships.code.org}) and the workshop's stored SEQUENCE,
 * raised on every change, so calendars update or remove the event instead of adding another.
 * {@code METHOD:REQUEST} invites, {@code METHOD:CANCEL} (with {@code STATUS:CANCELLED}) withdraws.
 *
 * <p>Why ical4j rather than biweekly (both resolve from Maven Central, both escape and fold text):
 * ical4j ships the VTIMEZONE definitions of every IANA zone in its jar, so an invite carries its
 * zone without a network call; biweekly writes a VTIMEZONE only from a definition it downloads
 * (tzurl.org) or one written by hand. ical4j's parser is strict by default
 * ({@code CalendarBuilder} without relaxed-parsing hints, plus {@code Calendar.validate()}), which
 * the tests use to read every invite the outbox sends. Its optional Groovy DSL and filter parser
 * are excluded in the pom.
 */
public final class WorkshopCalendar {

  private static final String PRODUCT_ID = "-//Code.org//District Partnership Orchestrator//EN";
  private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

  /** Who receives an invite: its one ATTENDEE. */
  public record Recipient(String name, String email) {
  }

  /**
   * One session as an invite lists it: its number (1-based, which makes its UID), start and end
   * (instants) and PD hours. Kept apart from {@link WorkshopSession} so that a session a reschedule
   * removed can still be withdrawn by its UID.
   */
  public record Event(int number, Instant startsAt, Instant endsAt, int hours) {

    static Event of(WorkshopSession session) {
      return new Event(session.getSessionNumber(), session.getStartsAt(), session.getEndsAt(), session.getHours());
    }
  }

  private WorkshopCalendar() {
  }

  /**
   * The invite ({@code METHOD:REQUEST}) for one recipient: every session of the workshop.
   *
   * @return the calendar as text, CRLF line ends, lines folded
   * @throws IllegalStateException the calendar breaks RFC 5545 (a bug, not bad input: every value is checked earlier)
   */
  public static String invite(Workshop workshop, Recipient recipient, String organizerEmail, Instant now) {
    return write(workshop, recipient, organizerEmail, now, ImmutableMethod.REQUEST);
  }

  /**
   * The withdrawal ({@code METHOD:CANCEL}) of every session for one recipient: the workshop was
   * cancelled, the teacher gave up the seat, or the facilitator was replaced.
   *
   * @throws IllegalStateException as {@link #invite}
   */
  public static String cancellation(Workshop workshop, Recipient recipient, String organizerEmail, Instant now) {
    return write(workshop, recipient, organizerEmail, now, ImmutableMethod.CANCEL);
  }

  /**
   * The withdrawal ({@code METHOD:CANCEL}) of sessions a reschedule dropped (the workshop has fewer
   * sessions now): each VEVENT keeps the UID it was invited with ({@code WS-00001-session-3@…}) and
   * its former times, with the workshop's SEQUENCE, which the reschedule raised.
   *
   * @param dropped the removed sessions as they were, at least one
   * @throws IllegalStateException as {@link #invite}
   */
  public static String droppedSessions(Workshop workshop, List<Event> dropped, Recipient recipient,
      String organizerEmail, Instant now) {
    if (dropped.isEmpty()) {
      throw new IllegalArgumentException("No dropped session to withdraw");
    }
    return write(workshop, dropped, n -> workshop.getTitle() + " (session " + n + ", no longer takes place)", recipient,
        organizerEmail, now, ImmutableMethod.CANCEL);
  }

  /** The METHOD of an invite this class wrote (REQUEST or CANCEL); for the MIME part's {@code method=}. */
  public static String method(String ics) {
    if (ics == null) {
      return null;
    }
    return ics.contains("\r\nMETHOD:CANCEL\r\n") ? "CANCEL" : "REQUEST";
  }

  private static String write(Workshop workshop, Recipient recipient, String organizerEmail, Instant now,
      Method method) {
    int count = workshop.getSessions().size();
    return write(workshop, workshop.getSessions().stream().map(Event::of).toList(),
        n -> workshop.getTitle() + " (session " + n + " of " + count + ")", recipient, organizerEmail, now, method);
  }

  private static String write(Workshop workshop, List<Event> sessions, java.util.function.IntFunction<String> summary,
      Recipient recipient, String organizerEmail, Instant now, Method method) {
    ZoneId zone = workshop.zone();
    TimeZone timeZone = ZONES.getTimeZone(zone.getId());
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(method);
    if (timeZone != null) {
      calendar.add(timeZone.getVTimeZone());
    }
    for (Event session : sessions) {
      VEvent event = new VEvent(session.startsAt().atZone(zone), session.endsAt().atZone(zone),
          summary.apply(session.number()));
      event.add(new Uid(uid(workshop, session.number())));
      event.add(new Sequence(workshop.getCalendarSequence()));
      event.replace(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      event.add(new Location(workshop.getLocation()));
      event.add(new Description(workshop.getTitle() + " (" + workshop.getReference() + "), "
          + WorkshopTimeZones.timeRange(session.startsAt(), session.endsAt(), zone) + ". "
          + session.hours() + " PD hours."));
      event.add(new Organizer(URI.create("mailto:" + organizerEmail)));
      event.add(new Attendee(new ParameterList(List.of(Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE,
          // RFC 5545 allows no DQUOTE in a parameter value, and ical4j writes one as it is.
          new Cn(recipient.name().replace('"', '\'')))), URI.create("mailto:" + recipient.email())));
      if (method.equals(ImmutableMethod.CANCEL)) {
        event.add(ImmutableStatus.VEVENT_CANCELLED);
      }
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      // ical4j 4.1.1's FoldingWriter folds every 73 UTF-16 chars, not 75 octets, and has no setting for
      // octets: a non-ASCII line can exceed 75 octets (RFC 5545: SHOULD NOT), and a fold can split a
      // surrogate pair, which UTF-8 encoding turns into "??" (an emoji at column 73). See the README (pd-workshop).
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException | net.fortuna.ical4j.validate.ValidationException e) {
      throw new IllegalStateException("Invite for workshop " + workshop.getReference() + " is not valid iCalendar", e);
    }
    return out.toString();
  }

  /** The UID of a session's VEVENT: the same in every invite and update of that session number. */
  static String uid(Workshop workshop, int sessionNumber) {
    return workshop.getReference() + "-session-" + sessionNumber + "@partnerships.code.org";
  }

  /** The sessions as the email templates list them, in the workshop's zone ("9:00 AM–3:00 PM PDT"). */
  public static List<Map<String, Object>> sessions(Workshop workshop) {
    return sessions(workshop, workshop.getSessions().stream().map(Event::of).toList());
  }

  /** {@code events} as the email templates list them, in the workshop's zone. */
  public static List<Map<String, Object>> sessions(Workshop workshop, List<Event> events) {
    ZoneId zone = workshop.zone();
    return events.stream().map(s -> Map.<String, Object>of(
        "number", s.number(),
        "date", WorkshopTimeZones.day(s.startsAt(), zone),
        "time", WorkshopTimeZones.timeRange(s.startsAt(), s.endsAt(), zone),
        "hours", s.hours())).toList();
  }
}
