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

  /**
   * Executes every job due now (async steps and timers), one at a time as the job executor would,
   * until none is left; a job may cancel another (an interrupting timer), so each is looked up afresh.
   */
  public static void run(ManagementService managementService) {
    for (int guard = 0; guard < 500; guard++) {
      List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs keep creating due jobs");
  }
}
