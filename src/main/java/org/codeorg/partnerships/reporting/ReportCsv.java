package org.codeorg.partnerships.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report table as CSV that Excel opens as it is: UTF-8 with a byte order mark, RFC 4180 quoting
 * and CRLF line ends (Commons CSV's {@link CSVFormat#RFC4180}). A text cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so that a spreadsheet
 * shows it as text instead of running it as a formula (OWASP, "CSV injection"); numbers are
 * written as numbers.
 */
public final class ReportCsv {

  /** The byte order mark that tells Excel the file is UTF-8. */
  public static final String BOM = "\uFEFF";

  /** A table: its header and its rows (cells are strings, numbers, instants or null). */
  public record Table(List<String> header, List<List<?>> rows) {
  }

  private ReportCsv() {
  }

  /** The whole document, BOM first; encode it as UTF-8. */
  public static String write(Table table) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(table.header().stream().map(ReportCsv::cell).toList());
      for (List<?> row : table.rows()) {
        printer.printRecord(row.stream().map(ReportCsv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Object cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value;
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
