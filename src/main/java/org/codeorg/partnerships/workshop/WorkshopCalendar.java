package org.codeorg.partnerships.workshop;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * iCalendar (RFC 5545) invites for a workshop: one event per session. UIDs stay the same when
 * the dates change and SEQUENCE grows, so calendars update the events instead of adding new ones.
 */
public final class WorkshopCalendar {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", java.util.Locale.US)
      .withZone(ZoneOffset.UTC);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private WorkshopCalendar() {
  }

  public static String invite(Workshop workshop, String organizerEmail, Instant now) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Code.org//District Partnership Orchestrator//EN");
    line(ics, "METHOD:REQUEST");
    for (WorkshopSession session : workshop.getSessions()) {
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + workshop.getReference() + "-session-" + session.getSessionNumber() + "@partnerships.code.org");
      line(ics, "SEQUENCE:" + workshop.getDatesRevision());
      line(ics, "DTSTAMP:" + UTC.format(now));
      line(ics, "DTSTART:" + UTC.format(session.getStartsAt()));
      line(ics, "DTEND:" + UTC.format(session.getEndsAt()));
      line(ics, "SUMMARY:" + escape(workshop.getTitle() + " (session " + session.getSessionNumber() + " of "
          + workshop.getSessions().size() + ")"));
      line(ics, "LOCATION:" + escape(workshop.getLocation()));
      line(ics, "ORGANIZER:mailto:" + organizerEmail);
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /** The sessions as the email templates list them. */
  public static List<Map<String, Object>> sessions(Workshop workshop) {
    return workshop.getSessions().stream().map(s -> Map.<String, Object>of(
        "number", s.getSessionNumber(),
        "date", DAY.format(s.getStartsAt()),
        "time", TIME.format(s.getStartsAt()) + "–" + TIME.format(s.getEndsAt()) + " UTC",
        "hours", s.getHours())).toList();
  }

  private static void line(StringBuilder ics, String content) {
    ics.append(content).append("\r\n");
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }
}
