package org.codeorg.partnerships.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Time travel and the job executor's work, by hand, for the engine unit tests. */
public final class DueJobs {

  private DueJobs() {
  }

  public static void travelTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Executes every job due now (async steps and timers), as the job executor would, until none is left. */
  public static void run(ManagementService managementService) {
    for (int guard = 0; guard < 50; guard++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep creating due jobs");
  }
}
