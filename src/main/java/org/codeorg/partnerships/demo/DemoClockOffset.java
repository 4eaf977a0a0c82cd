package org.codeorg.partnerships.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo clock's offset from the real time, kept in table {@code demo_clock_offset} (V20) so that a restart of the
 * default start goes on at the demo time its data is at, instead of going back to the real time while timelines,
 * due dates and sent emails stay "in the future". The offset (not the instant) is kept: the demo clock keeps running,
 * also while the application is down.
 *
 * <p>Only with {@code partnership.demo.clock.enabled=true}, like {@link DemoClock}: the {@code postgres} and
 * {@code prod} profiles refuse the demo clock ({@code identity.ProductionCredentialsGuard}), so this bean never exists
 * there and the engine's clock is the real one.
 */
@Component
@ConditionalOnProperty(name = "partnership.demo.clock.enabled", havingValue = "true")
public class DemoClockOffset implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DemoClockOffset.class);

  private final JdbcTemplate jdbc;

  public DemoClockOffset(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Sets the engine's clock ({@link ClockUtil}, which the application's {@code Clock} reads) to {@code instant},
   * running on from there, and stores the offset.
   *
   * @param instant the new demo time (any instant; the demo clock only moves it forward)
   */
  public synchronized void moveTo(Instant instant) {
    long offset = instant.toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (jdbc.update("UPDATE demo_clock_offset SET offset_millis = ?, updated_at = ? WHERE id = 1", offset, now) == 0) {
      jdbc.update("INSERT INTO demo_clock_offset (id, offset_millis, updated_at) VALUES (1, ?, ?)", offset, now);
    }
  }

  /** The stored offset in milliseconds (demo time minus real time), if the clock was ever moved. */
  public Optional<Long> stored() {
    List<Long> rows = jdbc.queryForList("SELECT offset_millis FROM demo_clock_offset WHERE id = 1", Long.class);
    return rows.stream().findFirst();
  }

  /**
   * Puts the stored offset back on the engine's clock. Runs on start, once every bean exists (Flyway has migrated
   * the database and the engine is built), before the web server takes requests.
   */
  public void restore() {
    stored().ifPresent(offset -> {
      ClockUtil.offset(offset);
      log.info("Demo clock restored: {} ms ahead of the real time, now {}", offset, ClockUtil.now().toInstant());
    });
  }

  @Override
  public void afterSingletonsInstantiated() {
    restore();
  }
}
