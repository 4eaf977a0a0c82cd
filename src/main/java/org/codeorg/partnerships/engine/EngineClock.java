package org.codeorg.partnerships.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}: the application's own timestamps (timeline, ledger, outbox)
 * agree with the engine's timers and due dates, also when a test moves time with {@link ClockUtil}.
 * In production ClockUtil is the system clock.
 */
public final class EngineClock extends Clock {

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
