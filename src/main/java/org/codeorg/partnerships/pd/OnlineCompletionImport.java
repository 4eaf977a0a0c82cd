package org.codeorg.partnerships.pd;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online phases completed, as the online PD environment exports them (CSV, parsed with Apache
 * Commons CSV) or as a PD manager reports one: every row is checked first, and only a report
 * whose every row is good is applied, each row through {@link PdPhaseReports#reportOnlineCompletion}
 * (the same as {@code POST …/pd-phases/{n}/completion}). A bad file applies nothing.
 */
@Service
public class OnlineCompletionImport {

  /** The export's columns, in this order (names compared without case and surrounding spaces). */
  public static final List<String> COLUMNS = List.of("teacher email", "course", "phase", "completed on", "hours");
  /** More rows than a year of completions of every teacher of a large district; a bigger paste is refused whole. */
  static final int MAX_ROWS = 5000;

  private final TeacherRepository teachers;
  private final PdPhaseRepository phases;
  private final PdPhaseReports reports;
  private final Clock clock;

  public OnlineCompletionImport(TeacherRepository teachers, PdPhaseRepository phases, PdPhaseReports reports,
      Clock clock) {
    this.teachers = teachers;
    this.phases = phases;
    this.reports = reports;
    this.clock = clock;
  }

  /** One completion as reported: the row's number in the report (1 = the first after the header) and its cells. */
  public record Row(int line, String teacherEmail, String course, String phase, String completedOn, String hours) {
  }

  /** A completion that passed every check: the teacher's phase, ready to report. */
  public record Checked(Row row, Teacher teacher, Course course, int phase, LocalDate completedOn, int hours) {

    /** "Row 2: Lee Park (DP-2027-0001), CSP phase 1, 20 hours, completed on 2027-06-30". */
    public String describe() {
      return "Row " + row.line() + ": " + teacher.getName() + " (" + teacher.getPartnership().getReference() + "), "
          + course + " phase " + phase + ", " + hours + " hours, completed on " + completedOn;
    }
  }

  /** Every row's outcome: the completions that may be applied, and each refused row with why. */
  public record Outcome(List<Checked> accepted, List<String> refused) {
    public boolean applicable() {
      return refused.isEmpty() && !accepted.isEmpty();
    }
  }

  /**
   * Reads the CSV export.
   *
   * @param csv the file's text: a header with {@link #COLUMNS}, then one line per completion
   * @return the rows, numbered from 1 after the header
   * @throws IllegalArgumentException with a message for the PD manager when the header is not
   *     {@link #COLUMNS}, the text is not CSV, it has no rows or more than {@link #MAX_ROWS}
   */
  public List<Row> parse(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new IllegalArgumentException("the file is empty");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.strip()), format)) {
      List<CSVRecord> records = parser.getRecords();
      List<String> header = records.get(0).toList().stream().map(h -> h.toLowerCase(Locale.ROOT).strip()).toList();
      if (!header.equals(COLUMNS)) {
        throw new IllegalArgumentException("the columns must be \"" + String.join(",", COLUMNS) + "\", the file has \""
            + String.join(",", records.get(0).toList()) + "\"");
      }
      if (records.size() - 1 > MAX_ROWS) {
        throw new IllegalArgumentException("at most " + MAX_ROWS + " rows per file, the file has " + (records.size() - 1));
      }
      for (int i = 1; i < records.size(); i++) {
        CSVRecord record = records.get(i);
        List<String> cells = new ArrayList<>(record.toList());
        if (cells.size() != COLUMNS.size()) {
          rows.add(new Row(i, null, null, null, null, "has " + cells.size() + " cells, not " + COLUMNS.size()));
          continue;
        }
        rows.add(new Row(i, cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
      throw new IllegalArgumentException("the file is not readable as CSV: " + unreadable.getMessage());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the file has a header but no rows");
    }
    return rows;
  }

  /**
   * Checks every row against the teachers and their phases, changing nothing.
   *
   * @return the rows that may be applied and, for every other row, "Row n: why"
   */
  @Transactional(readOnly = true)
  public Outcome check(List<Row> rows) {
    List<Checked> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (Row row : rows) {
      String why = null;
      Checked checked = null;
      if (row.teacherEmail() == null) {
        why = row.hours();
      } else if (!List.of(row.teacherEmail(), row.course(), row.phase(), row.completedOn(), row.hours()).stream()
          .allMatch(ControlCharacters::isSingleLine)) {
        why = "a cell " + ControlCharacters.SINGLE_LINE;
      } else {
        try {
          checked = checkRow(row, today);
          String key = checked.teacher().getId() + "/" + checked.phase();
          Integer earlier = seen.putIfAbsent(key, row.line());
          if (earlier != null) {
            why = "repeats row " + earlier;
          }
        } catch (IllegalArgumentException refusedRow) {
          why = refusedRow.getMessage();
        }
      }
      if (why == null) {
        accepted.add(checked);
      } else {
        refused.add("Row " + row.line() + ": " + why);
      }
    }
    return new Outcome(accepted, refused);
  }

  /**
   * Reports every completion of an applicable outcome, in one transaction: if one fails after all
   * (the teacher's PD moved on meanwhile), none is applied.
   *
   * @throws IllegalArgumentException "Row n: why" when a completion is refused at the last moment
   */
  @Transactional
  public List<String> apply(Outcome outcome) {
    List<String> applied = new ArrayList<>();
    for (Checked c : outcome.accepted()) {
      try {
        reports.reportOnlineCompletion(c.teacher().getPartnership().getReference(), c.teacher().getId(), c.phase(),
            new PhaseCompletion(c.hours(), c.completedOn()));
      } catch (RuntimeException refused) {
        throw new IllegalArgumentException("Row " + c.row().line() + ": " + refused.getMessage(), refused);
      }
      applied.add(c.describe());
    }
    return applied;
  }

  private Checked checkRow(Row row, LocalDate today) {
    Course course;
    try {
      course = Course.valueOf(row.course().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("course \"" + row.course() + "\" is not one of " + List.of(Course.values()));
    }
    int phase = integer(row.phase(), "phase", 1, 9);
    int hours = integer(row.hours(), "hours", 1, 200);
    LocalDate completedOn;
    try {
      completedOn = LocalDate.parse(row.completedOn());
    } catch (DateTimeParseException bad) {
      throw new IllegalArgumentException("completed on \"" + row.completedOn() + "\" is not a date (yyyy-MM-dd)");
    }
    if (completedOn.isAfter(today)) {
      throw new IllegalArgumentException("completed on " + completedOn + " is in the future");
    }
    List<Teacher> candidates = teachers.findByEmailIgnoreCase(row.teacherEmail()).stream()
        .filter(t -> t.getCourse() == course).toList();
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no teacher " + row.teacherEmail() + " teaches " + course);
    }
    String lastReason = null;
    for (Teacher teacher : candidates) {
      PdPhase found = phases.findByTeacherIdAndPhaseNumber(teacher.getId(), phase).orElse(null);
      if (found == null) {
        lastReason = teacher.getName() + " has no phase " + phase;
      } else if (found.getDelivery() != PdDelivery.ONLINE) {
        lastReason = "phase " + phase + " of " + course + " is a workshop: its attendance comes from the workshop";
      } else if (found.getStatus() != PdPhaseStatus.OPEN) {
        lastReason = "phase " + phase + " of " + teacher.getName() + " is " + found.getStatus() + ", not open";
      } else {
        return new Checked(row, teacher, course, phase, completedOn, hours);
      }
    }
    throw new IllegalArgumentException(lastReason);
  }

  private static int integer(String text, String column, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // the message below
    }
    throw new IllegalArgumentException(column + " \"" + text + "\" is not a whole number from " + min + " to " + max);
  }
}
