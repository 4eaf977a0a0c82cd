package org.codeorg.partnerships.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Dates as emails write them, and deadlines as timers take them. */
public final class Dates {

  /** "July 12, 2027" */
  public static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private Dates() {
  }

  /** A deadline's timer fires at the end of its day (UTC). */
  public static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The day of a deadline set with {@link #endOf}. */
  public static LocalDate dayOf(Date endOfDay) {
    return LocalDate.ofInstant(endOfDay.toInstant(), ZoneOffset.UTC).minusDays(1);
  }
}
