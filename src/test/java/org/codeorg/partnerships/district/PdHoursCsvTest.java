package org.codeorg.partnerships.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The PD hours report as CSV: a byte order mark, the header, and formula-like cells neutralised. */
class PdHoursCsvTest {

  @Test
  void cellsThatASpreadsheetWouldRunAreNeutralisedAndTheRestIsKept() throws Exception {
    List<String> row = List.of("=HYPERLINK(\"https://evil.test\",\"Lee\")", "+1 555", "-2", "@SUM(A1)", "José Ruiz, Jr.",
        "CSP", "1", "Online introduction", "Online", "2027-06-01", "2027-06-30");

    String csv = DistrictPdView.csv(List.of(row));

    assertThat(csv).startsWith("\uFEFFTeacher,Email,School,Course,Phase,Phase name,Delivery,Phase start,Phase due,"
        + "Completed on,Hours\r\n");
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1)))) {
      List<CSVRecord> records = parser.getRecords();
      assertThat(records).hasSize(2);
      assertThat(records.get(1).toList()).containsExactly("'=HYPERLINK(\"https://evil.test\",\"Lee\")", "'+1 555", "'-2",
          "'@SUM(A1)", "José Ruiz, Jr.", "CSP", "1", "Online introduction", "Online", "2027-06-01", "2027-06-30");
    }
  }
}
