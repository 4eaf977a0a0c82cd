package org.codeorg.partnerships.support;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads invites the way a strict calendar client does: ical4j's {@link CalendarBuilder} without
 * relaxed-parsing hints, then {@link Calendar#validate()} (RFC 5545 and the iTIP method's rules).
 * A parse or validation error fails the test.
 */
public final class Invites {

  private Invites() {
  }

  public static Calendar parseStrictly(String ics) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
      var result = calendar.validate();
      if (result.hasErrors()) {
        throw new AssertionError("Invalid invite: " + result + "\n" + ics);
      }
      return calendar;
    } catch (Exception e) {
      throw new AssertionError("Invite does not parse strictly: " + e.getMessage() + "\n" + ics, e);
    }
  }

  public static List<VEvent> events(String ics) {
    return parseStrictly(ics).getComponents(VEvent.VEVENT);
  }

  /** DTSTART of every event as the instant it names (its TZID applied). */
  public static List<Instant> starts(String ics) {
    return events(ics).stream().map(e -> Instant.from((TemporalAccessor) e.getDateTimeStart().getDate())).toList();
  }

  public static String method(String ics) {
    return parseStrictly(ics).getProperty(net.fortuna.ical4j.model.Property.METHOD).map(m -> m.getValue()).orElse(null);
  }
}
