package org.codeorg.partnerships.district;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.common.ControlCharacters;
import org.springframework.stereotype.Component;

/**
 * A roster file of the application page: a CSV of teachers ({@code name,email,school,course}) or
 * of course offers ({@code course,school,sections}), read with Apache Commons CSV. The whole file is
 * checked before anything is taken: any error and no row is taken, and each error names its row
 * as a spreadsheet numbers it (the header is row 1) and its column, e.g.
 * {@code "row 7, email: must be an email address"}.
 *
 * <p>Refused rather than neutralised: a cell that a spreadsheet would run as a formula (it starts
 * with {@code = + - @}) — a roster is typed by people, so such a cell is a mistake or an attack, and
 * silently changing it would put a value on the application nobody typed. A file that is not UTF-8,
 * wrong or missing headers, a school not entered on the page and a teacher's email twice are refused
 * the same way.
 */
@Component
class RosterUpload {

  /** Larger than any roster within the limits (2,000 teachers at about 100 bytes a row). */
  static final int MAX_BYTES = 1024 * 1024;
  static final List<String> TEACHER_COLUMNS = List.of("name", "email", "school", "course");
  static final List<String> COURSE_COLUMNS = List.of("course", "school", "sections");

  /** What the file held: rows as the form's field values, or why none was taken. */
  record Result(List<Map<String, String>> rows, List<String> errors) {

    boolean ok() {
      return errors.isEmpty();
    }
  }

  private final Validator validator;

  RosterUpload(Validator validator) {
    this.validator = validator;
  }

  /**
   * Reads a teachers' roster.
   *
   * @param schools the school names entered on the page (any case); a row's school must be one of them
   * @param emailsOnThePage emails of the teacher rows already on the page, lower case
   * @param maxRows how many rows the page may still take
   */
  Result teachers(byte[] file, Collection<String> schools, Set<String> emailsOnThePage, int maxRows) {
    Parsed parsed = parse(file, TEACHER_COLUMNS, maxRows);
    if (!parsed.errors.isEmpty()) {
      return new Result(List.of(), parsed.errors);
    }
    Map<String, String> schoolNames = names(schools);
    List<String> errors = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    Map<String, Long> seen = new LinkedHashMap<>();
    for (CSVRecord record : parsed.records) {
      long row = record.getRecordNumber() + 1;
      Map<String, String> values = cells(record, TEACHER_COLUMNS, row, errors);
      if (values == null) {
        continue;
      }
      values.computeIfPresent("course", (k, v) -> v.toUpperCase(Locale.ROOT));
      check(new TeacherInfo(values.get("name"), values.get("email"), values.get("school"), values.get("course")), row,
          errors);
      school(values, schoolNames, row, errors);
      String email = values.get("email");
      if (email != null) {
        String key = email.toLowerCase(Locale.ROOT);
        Long first = seen.putIfAbsent(key, row);
        if (first != null) {
          errors.add("row " + row + ", email: is the same as row " + first + "'s; each teacher once");
        } else if (emailsOnThePage.contains(key)) {
          errors.add("row " + row + ", email: a teacher on the page already has this email");
        }
      }
      rows.add(values);
    }
    return errors.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), errors);
  }

  /** Reads a course roster; {@code schools} and {@code maxRows} as for {@link #teachers}. */
  Result courses(byte[] file, Collection<String> schools, int maxRows) {
    Parsed parsed = parse(file, COURSE_COLUMNS, maxRows);
    if (!parsed.errors.isEmpty()) {
      return new Result(List.of(), parsed.errors);
    }
    Map<String, String> schoolNames = names(schools);
    List<String> errors = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    for (CSVRecord record : parsed.records) {
      long row = record.getRecordNumber() + 1;
      Map<String, String> values = cells(record, COURSE_COLUMNS, row, errors);
      if (values == null) {
        continue;
      }
      values.computeIfPresent("course", (k, v) -> v.toUpperCase(Locale.ROOT));
      Integer sections = FormInput.integer(values.get("sections"));
      check(new CourseOffer(values.get("course"), values.get("school"), sections), row, errors);
      school(values, schoolNames, row, errors);
      rows.add(values);
    }
    return errors.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), errors);
  }

  private record Parsed(List<CSVRecord> records, List<String> errors) {
  }

  private static Parsed parse(byte[] file, List<String> columns, int maxRows) {
    if (file.length == 0) {
      return new Parsed(List.of(), List.of("the file is empty"));
    }
    if (file.length > MAX_BYTES) {
      return new Parsed(List.of(), List.of("the file is larger than 1 MB; split it or leave out other columns"));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(List.of(), List.of("the file is not UTF-8 text; in your spreadsheet program save it as "
          + "\"CSV UTF-8\""));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
            org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> headers = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      if (!headers.equals(columns)) {
        return new Parsed(List.of(), List.of("row 1 must be the column names " + String.join(",", columns)
            + " in this order; the file has " + (headers.isEmpty() ? "none" : String.join(",", headers))));
      }
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (records.size() >= maxRows) {
          return new Parsed(List.of(), List.of("the file has more rows than the application may still take ("
              + maxRows + "); see the limits above"));
        }
        records.add(record);
      }
      if (records.isEmpty()) {
        return new Parsed(List.of(), List.of("the file has column names but no rows"));
      }
      return new Parsed(records, List.of());
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // Commons CSV reports a broken quote or a malformed header this way; the line it names helps the district.
      return new Parsed(List.of(), List.of("the file is not readable as CSV: " + e.getMessage()));
    }
  }

  /** The row's cells by column; a formula-like cell or a row of the wrong width is an error (null). */
  private static Map<String, String> cells(CSVRecord record, List<String> columns, long row, List<String> errors) {
    if (record.size() != columns.size()) {
      errors.add("row " + row + ": has " + record.size() + " cells, expected " + columns.size() + " ("
          + String.join(",", columns) + ")");
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    boolean formula = false;
    for (int i = 0; i < columns.size(); i++) {
      String value = record.get(i);
      if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
        errors.add("row " + row + ", " + columns.get(i) + ": starts with \"" + value.charAt(0)
            + "\", which spreadsheets run as a formula; type the value itself");
        formula = true;
      }
      values.put(columns.get(i), value.isBlank() ? null : ControlCharacters.trimSpaces(value));
    }
    return formula ? null : values;
  }

  private <T> void check(T row, long number, List<String> errors) {
    Map<String, String> byField = new TreeMap<>();
    for (ConstraintViolation<T> violation : validator.validate(row)) {
      byField.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + "; " + b);
    }
    byField.forEach((field, message) -> errors.add("row " + number + ", " + field + ": " + message));
  }

  /** The row's school must be one entered on the page; it takes that row's spelling. */
  private static void school(Map<String, String> values, Map<String, String> schoolNames, long row, List<String> errors) {
    String school = values.get("school");
    if (school == null) {
      return;
    }
    String known = schoolNames.get(school.toLowerCase(Locale.ROOT));
    if (known == null) {
      errors.add("row " + row + ", school: " + school + " is not one of the schools entered above");
    } else {
      values.put("school", known);
    }
  }

  private static Map<String, String> names(Collection<String> schools) {
    Map<String, String> names = new LinkedHashMap<>();
    schools.forEach(s -> names.putIfAbsent(s.trim().toLowerCase(Locale.ROOT), s.trim()));
    return names;
  }
}
