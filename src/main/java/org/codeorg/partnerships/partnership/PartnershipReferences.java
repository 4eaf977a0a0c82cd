package org.codeorg.partnerships.partnership;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues partnership references {@code DP-<year>-<number>}, numbered per calendar year: four
 * digits at least ({@code DP-2027-0042}), more once a year passes 9,999 ({@code DP-2027-10000}; a
 * national program a year in has about 10,000 partnerships, docs/performance.md).
 *
 * <p>The counter row is incremented with an UPDATE in a short transaction of its own, so two
 * concurrent intakes never get the same number and neither waits for the other's whole
 * registration. (Holding the row lock until the registration committed made intakes queue one
 * behind the other: under load 8 of 10 connections waited on it: docs/performance.md, fix 1.) The price: a
 * registration that fails after taking its number leaves a gap in that year's numbering.
 * Callers take the number before their own transaction starts, so a request never holds two
 * connections at once.
 */
@Component
public class PartnershipReferences {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public PartnershipReferences(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return the next reference of the current calendar year (UTC), e.g. {@code DP-2027-0042}
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String next() {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    return format(year, increment(year));
  }

  static String format(int year, int number) {
    return String.format("DP-%d-%04d", year, number);
  }

  /**
   * The row lock of the UPDATE serializes concurrent allocations, for the few milliseconds of this
   * transaction. The year's row is created behind a savepoint: on PostgreSQL a failed INSERT (two
   * first applications of a year at once) aborts the whole transaction unless rolled back to a
   * savepoint.
   */
  private int increment(int year) {
    int updated = jdbc.update("UPDATE reference_counter SET last_value = last_value + 1 WHERE reference_year = ?", year);
    if (updated == 0) {
      jdbc.execute((ConnectionCallback<Void>) connection -> {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO reference_counter (reference_year, last_value) VALUES (?, 0)")) {
          insert.setInt(1, year);
          insert.executeUpdate();
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          if (!e.getSQLState().startsWith("23")) {
            throw e;
          }
          connection.rollback(savepoint);   // another application created the row first: fine
        }
        return null;
      });
      jdbc.update("UPDATE reference_counter SET last_value = last_value + 1 WHERE reference_year = ?", year);
    }
    return jdbc.queryForObject("SELECT last_value FROM reference_counter WHERE reference_year = ?", Integer.class, year);
  }
}
