package org.codeorg.partnerships.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.support.Invites;
import org.junit.jupiter.api.Test;

/**
 * Invites from ical4j, read back by its strict parser: TZID and VTIMEZONE, the right UTC instants,
 * ORGANIZER, one ATTENDEE with RSVP, stable UIDs, SEQUENCE, REQUEST and CANCEL; text escaped and
 * folded. And the local times people read, with the abbreviation of the day (PDT in July, PST in November).
 */
class WorkshopCalendarTest {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
  private static final WorkshopCalendar.Recipient LEE = new WorkshopCalendar.Recipient("Park, Lee \"LP\"", "lpark@springfield.k12.ca.us");

  private static Workshop workshop(String title, String location, ZoneId zone, SessionTimes... sessions) {
    Workshop workshop = new Workshop("WS-PENDING", Course.CSP, 1, title, "CA", location, 30, zone, "pdmanager",
        List.of(sessions), NOW);
    workshop.assignReference("WS-00042");
    return workshop;
  }

  private static SessionTimes session(String start, String end) {
    return new SessionTimes(Instant.parse(start), Instant.parse(end));
  }

  @Test
  void anInviteNamesTheZoneAndParsesStrictlyToTheRightInstants() {
    Workshop workshop = workshop("CS Principles, phase 1", "Sacramento Learning Center, Room 4", LOS_ANGELES,
        session("2027-07-12T16:00:00Z", "2027-07-12T22:00:00Z"), session("2027-07-13T16:00:00Z", "2027-07-13T22:00:00Z"));

    String ics = WorkshopCalendar.invite(workshop, LEE, "pdmanager@partnerships.example.org", NOW);

    assertThat(Invites.method(ics)).isEqualTo("REQUEST");
    assertThat(Invites.starts(ics)).containsExactly(Instant.parse("2027-07-12T16:00:00Z"),
        Instant.parse("2027-07-13T16:00:00Z"));
    assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles", "DTSTART;TZID=America/Los_Angeles:20270712T090000",
        "DTEND;TZID=America/Los_Angeles:20270712T150000", "ORGANIZER:mailto:pdmanager@partnerships.example.org",
        "UID:WS-00042-session-1@partnerships.code.org", "UID:WS-00042-session-2@partnerships.code.org", "SEQUENCE:0");
    List<VEvent> events = Invites.events(ics);
    assertThat(events).hasSize(2);
    for (VEvent event : events) {
      List<Property> attendees = event.getProperties(Property.ATTENDEE);
      assertThat(attendees).hasSize(1);
      assertThat(attendees.get(0).getValue()).isEqualTo("mailto:lpark@springfield.k12.ca.us");
      assertThat(attendees.get(0).getParameter("RSVP").orElseThrow().getValue()).isEqualTo("TRUE");
      assertThat(attendees.get(0).getParameter("CN").orElseThrow().getValue()).isEqualTo("Park, Lee \"LP\"".replace('"', '\''));
    }
  }

  @Test
  void textIsEscapedAndLinesFoldedByTheLibrary() {
    String location = "Room 4; Building B, \\ North wing\r\nEnter by the gym — ünïcödé signs point the way from the parking lot";
    Workshop workshop = workshop("CSP; \"advanced\", part 1", location, LOS_ANGELES,
        session("2027-07-12T16:00:00Z", "2027-07-12T22:00:00Z"));

    String ics = WorkshopCalendar.invite(workshop, LEE, "pdmanager@partnerships.example.org", NOW);

    for (String line : ics.split("\r\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(ics).doesNotContain("\r\nEnter").contains("\\;", "\\,", "\\\\");
    String parsedLocation = Invites.events(ics).get(0).getProperty(Property.LOCATION).orElseThrow().getValue();
    assertThat(parsedLocation).isEqualTo(location.replace("\r\n", "\n"));
  }

  @Test
  void aChangeRaisesTheSequenceAndACancellationKeepsTheUids() {
    Workshop workshop = workshop("CS Principles", "Sacramento", LOS_ANGELES,
        session("2027-07-12T16:00:00Z", "2027-07-12T22:00:00Z"));
    workshop.reschedule(List.of(session("2027-07-19T16:00:00Z", "2027-07-19T22:00:00Z")));
    workshop.cancel("The venue closed", NOW);

    String ics = WorkshopCalendar.cancellation(workshop, LEE, "pdmanager@partnerships.example.org", NOW);

    assertThat(Invites.method(ics)).isEqualTo("CANCEL");
    assertThat(WorkshopCalendar.method(ics)).isEqualTo("CANCEL");
    assertThat(ics).contains("SEQUENCE:2", "STATUS:CANCELLED", "UID:WS-00042-session-1@partnerships.code.org");
    assertThat(Invites.starts(ics)).containsExactly(Instant.parse("2027-07-19T16:00:00Z"));
  }

  /**
   * Three sessions become two: session 3's VEVENT (UID {@code …-session-3@…}, its former times) is
   * withdrawn with METHOD:CANCEL and the raised SEQUENCE; the invite of what remains no longer lists it.
   */
  @Test
  void aDroppedSessionIsWithdrawnByItsOwnUidWithAHigherSequence() {
    Workshop workshop = workshop("CS Principles", "Sacramento", LOS_ANGELES,
        session("2027-07-12T16:00:00Z", "2027-07-12T22:00:00Z"), session("2027-07-13T16:00:00Z", "2027-07-13T22:00:00Z"),
        session("2027-07-14T16:00:00Z", "2027-07-14T22:00:00Z"));
    String before = WorkshopCalendar.invite(workshop, LEE, "pdmanager@partnerships.example.org", NOW);
    List<WorkshopCalendar.Event> dropped = workshop.getSessions().stream().filter(s -> s.getSessionNumber() > 2)
        .map(WorkshopCalendar.Event::of).toList();
    workshop.reschedule(List.of(session("2027-07-19T16:00:00Z", "2027-07-19T22:00:00Z"),
        session("2027-07-20T16:00:00Z", "2027-07-20T22:00:00Z")));

    String cancel = WorkshopCalendar.droppedSessions(workshop, dropped, LEE, "pdmanager@partnerships.example.org", NOW);
    String after = WorkshopCalendar.invite(workshop, LEE, "pdmanager@partnerships.example.org", NOW);

    assertThat(Invites.method(cancel)).isEqualTo("CANCEL");
    assertThat(WorkshopCalendar.method(cancel)).isEqualTo("CANCEL");
    List<VEvent> withdrawn = Invites.events(cancel);
    assertThat(withdrawn).hasSize(1);
    String uid = withdrawn.get(0).getProperty(Property.UID).orElseThrow().getValue();
    assertThat(uid).isEqualTo("WS-00042-session-3@partnerships.code.org");
    assertThat(Invites.events(before).stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()))
        .as("the UID the session was invited with").contains(uid);
    int invitedWith = sequence(Invites.events(before).get(2));
    assertThat(sequence(withdrawn.get(0))).isGreaterThan(invitedWith);
    assertThat(withdrawn.get(0).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(Invites.starts(cancel)).as("its former time").containsExactly(Instant.parse("2027-07-14T16:00:00Z"));

    assertThat(Invites.method(after)).isEqualTo("REQUEST");
    assertThat(Invites.events(after).stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()))
        .containsExactly("WS-00042-session-1@partnerships.code.org", "WS-00042-session-2@partnerships.code.org");
    assertThat(Invites.events(after).stream().map(WorkshopCalendarTest::sequence)).containsOnly(sequence(withdrawn.get(0)));
  }

  private static int sequence(VEvent event) {
    return Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
  }

  @Test
  void aTaskCardShowsTheFirstSessionInLocalTimeWithTheZonesAbbreviation() {
    assertThat(WorkshopTimeZones.moment(Instant.parse("2027-07-12T16:00:00Z"), LOS_ANGELES))
        .isEqualTo("Mon Jul 12, 2027 9:00 AM PDT");
    assertThat(WorkshopTimeZones.moment(Instant.parse("2027-11-08T17:00:00Z"), LOS_ANGELES))
        .isEqualTo("Mon Nov 8, 2027 9:00 AM PST");
    assertThat(WorkshopTimeZones.moment(Instant.parse("2027-07-12T13:30:00Z"), ZoneId.of("America/New_York")))
        .isEqualTo("Mon Jul 12, 2027 9:30 AM EDT");
  }

  @Test
  void peopleReadLocalTimesWithTheAbbreviationOfTheDay() {
    assertThat(WorkshopTimeZones.timeRange(Instant.parse("2027-07-12T16:00:00Z"), Instant.parse("2027-07-12T22:00:00Z"),
        LOS_ANGELES)).isEqualTo("9:00 AM–3:00 PM PDT");
    assertThat(WorkshopTimeZones.timeRange(Instant.parse("2027-11-08T17:00:00Z"), Instant.parse("2027-11-08T23:30:00Z"),
        LOS_ANGELES)).isEqualTo("9:00 AM–3:30 PM PST");
    assertThat(WorkshopTimeZones.day(Instant.parse("2027-07-13T02:00:00Z"), LOS_ANGELES))
        .as("7 PM in Sacramento is already the next day in UTC").isEqualTo("Monday, July 12, 2027");
    assertThat(WorkshopTimeZones.ofRegion("CA")).contains(LOS_ANGELES);
    assertThat(WorkshopTimeZones.ofRegion("XX")).isEmpty();
    assertThat(WorkshopTimeZones.parse("America/Nowhere")).isEmpty();
    assertThat(WorkshopTimeZones.parse("PST")).as("abbreviations do not follow DST").isEmpty();
    assertThat(WorkshopTimeZones.parse("-07:00")).isEmpty();
    assertThat(WorkshopTimeZones.parse("America/Phoenix")).contains(ZoneId.of("America/Phoenix"));
  }
}
