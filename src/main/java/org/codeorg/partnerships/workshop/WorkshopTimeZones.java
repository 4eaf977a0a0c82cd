package org.codeorg.partnerships.workshop;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a workshop's times are read: the region's time zone (a workshop's default, staff may choose
 * another IANA zone, e.g. for the part of a state in another zone) and how a session is shown to
 * people, "Monday, July 12, 2027" and "9:00 AM–3:00 PM PDT", in the workshop's zone with the
 * abbreviation in force that day (so a November workshop shows PST, a July one PDT).
 */
public final class WorkshopTimeZones {

  /**
   * The zone where most of each state's people live (regions are two-letter state codes). States
   * split between zones (e.g. parts of TX, FL, IN) default to their most populous zone.
   */
  static final Map<String, String> REGION_ZONES = Map.ofEntries(
      Map.entry("AL", "America/Chicago"), Map.entry("AK", "America/Anchorage"), Map.entry("AZ", "America/Phoenix"),
      Map.entry("AR", "America/Chicago"), Map.entry("CA", "America/Los_Angeles"), Map.entry("CO", "America/Denver"),
      Map.entry("CT", "America/New_York"), Map.entry("DE", "America/New_York"), Map.entry("DC", "America/New_York"),
      Map.entry("FL", "America/New_York"), Map.entry("GA", "America/New_York"), Map.entry("HI", "Pacific/Honolulu"),
      Map.entry("ID", "America/Boise"), Map.entry("IL", "America/Chicago"), Map.entry("IN", "America/Indiana/Indianapolis"),
      Map.entry("IA", "America/Chicago"), Map.entry("KS", "America/Chicago"), Map.entry("KY", "America/New_York"),
      Map.entry("LA", "America/Chicago"), Map.entry("ME", "America/New_York"), Map.entry("MD", "America/New_York"),
      Map.entry("MA", "America/New_York"), Map.entry("MI", "America/Detroit"), Map.entry("MN", "America/Chicago"),
      Map.entry("MS", "America/Chicago"), Map.entry("MO", "America/Chicago"), Map.entry("MT", "America/Denver"),
      Map.entry("NE", "America/Chicago"), Map.entry("NV", "America/Los_Angeles"), Map.entry("NH", "America/New_York"),
      Map.entry("NJ", "America/New_York"), Map.entry("NM", "America/Denver"), Map.entry("NY", "America/New_York"),
      Map.entry("NC", "America/New_York"), Map.entry("ND", "America/Chicago"), Map.entry("OH", "America/New_York"),
      Map.entry("OK", "America/Chicago"), Map.entry("OR", "America/Los_Angeles"), Map.entry("PA", "America/New_York"),
      Map.entry("RI", "America/New_York"), Map.entry("SC", "America/New_York"), Map.entry("SD", "America/Chicago"),
      Map.entry("TN", "America/Chicago"), Map.entry("TX", "America/Chicago"), Map.entry("UT", "America/Denver"),
      Map.entry("VT", "America/New_York"), Map.entry("VA", "America/New_York"), Map.entry("WA", "America/Los_Angeles"),
      Map.entry("WV", "America/New_York"), Map.entry("WI", "America/Chicago"), Map.entry("WY", "America/Denver"),
      Map.entry("PR", "America/Puerto_Rico"), Map.entry("GU", "Pacific/Guam"), Map.entry("VI", "America/St_Thomas"),
      Map.entry("AS", "Pacific/Pago_Pago"), Map.entry("MP", "Pacific/Saipan"));

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE MMM d, yyyy h:mm a zzz", Locale.US);

  private WorkshopTimeZones() {
  }

  /** The region's default zone, or empty for a region outside the table. */
  public static Optional<ZoneId> ofRegion(String region) {
    return Optional.ofNullable(region == null ? null : REGION_ZONES.get(region.trim())).map(ZoneId::of);
  }

  /**
   * A region-based IANA id ({@code America/Los_Angeles}); fixed offsets and abbreviations such as
   * {@code PST} are refused, because they do not follow daylight-saving time.
   */
  public static Optional<ZoneId> parse(String id) {
    if (id == null || id.isBlank() || !id.trim().contains("/") && !id.trim().equals("UTC")) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id.trim()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** "Monday, July 12, 2027": the session's day where it takes place. */
  public static String day(Instant instant, ZoneId zone) {
    return DAY.format(instant.atZone(zone));
  }

  /** "9:00 AM–3:00 PM PDT"; the abbreviation is the end's when a session spans a change (it never should). */
  public static String timeRange(Instant start, Instant end, ZoneId zone) {
    ZonedDateTime from = start.atZone(zone);
    ZonedDateTime to = end.atZone(zone);
    return TIME.format(from) + "–" + TIME.format(to) + " " + ZONE_ABBREVIATION.format(to);
  }

  /**
   * "Mon Jul 12, 2027 9:00 AM PDT": a moment where the workshop takes place, with that day's zone
   * abbreviation (what a task card shows of the first session; Tasklist would show a Date variable in UTC).
   */
  public static String moment(Instant instant, ZoneId zone) {
    return MOMENT.format(instant.atZone(zone));
  }
}
