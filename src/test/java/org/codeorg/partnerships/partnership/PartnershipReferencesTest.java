package org.codeorg.partnerships.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * References on a real (H2) counter table: a national program passes 9,999 applications in a
 * year, and the 10,000th used to be refused with a 500 (found by {@code TimersBench}).
 */
class PartnershipReferencesTest {

  private JdbcTemplate jdbc;
  private PartnershipReferences references;

  @BeforeEach
  void counterTable() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:references-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE reference_counter (reference_year INTEGER NOT NULL PRIMARY KEY, last_value INTEGER NOT NULL)");
    references = new PartnershipReferences(jdbc, Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void theFirstOfAYearIsNumberOneInFourDigits() {
    assertThat(references.next()).isEqualTo("DP-2027-0001");
    assertThat(references.next()).isEqualTo("DP-2027-0002");
  }

  @Test
  void aYearWithMoreThan9999ApplicationsGetsLongerNumbers() {
    jdbc.update("INSERT INTO reference_counter VALUES (2027, 9998)");
    assertThat(references.next()).isEqualTo("DP-2027-9999");
    assertThat(references.next()).isEqualTo("DP-2027-10000");
    assertThat(references.next()).hasSizeLessThanOrEqualTo(20).isEqualTo("DP-2027-10001");
  }
}
