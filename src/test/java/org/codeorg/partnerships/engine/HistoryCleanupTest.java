package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.codeorg.partnerships.support.HistoryCleanupCheck;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History clean-up on H2 (PostgreSQL: {@code PostgresRetentionTest}): a partnership that ended
 * more than its time to live (5 years) ago leaves no row in any {@code ACT_HI_*} table, including
 * the job log of the repeating signature reminder; a partnership that ended recently keeps its history.
 */
class HistoryCleanupTest extends SpringIntegrationTest {

  /** Longer ago than the models' history time to live (P1825D) plus the few weeks a journey takes. */
  static final Duration PAST_TIME_TO_LIVE = Duration.ofDays(6 * 366);

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  HistoryService historyService;

  private HistoryCleanupCheck check;

  @BeforeEach
  void check() {
    check = new HistoryCleanupCheck(processEngine, jdbc);
  }

  @Test
  void aPartnershipRemindedToSignLeavesNoHistoryOnceItsTimeToLiveHasPassed() {
    Instant now = Instant.now();
    String old = check.remindedToSignThenCancelled(now.minus(PAST_TIME_TO_LIVE));
    String recent = check.withdrawnUnanswered(now.minus(Duration.ofDays(40)));
    Set<String> oldHierarchy = check.hierarchyOf(old);
    Map<String, Long> before = check.historyRowsOf(oldHierarchy);
    assertThat(before).containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_IDENTITYLINK");
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(old)
        .activityIdIn("Timer_SignatureReminder").successLog().count()).as("reminders sent").isEqualTo(2);
    // With the removal-time strategy "end", the end of the instance stamps every row of it, the
    // repeating timer's job log included; nothing is left for clean-up to miss.
    assertThat(check.rowsWithoutRemovalTime(oldHierarchy)).isEmpty();
    Map<String, Long> recentBefore = check.historyRowsOf(check.hierarchyOf(recent));

    check.cleanUp();

    assertThat(check.historyRowsOf(oldHierarchy)).as("history left of %s (before: %s)", old, before).isEmpty();
    assertThat(check.historyRowsOf(check.hierarchyOf(recent))).isEqualTo(recentBefore);
    // The clean-up job logs its own runs; without history-cleanup-job-log-time-to-live they would stay forever.
    assertThat(check.cleanupJobLogsWithoutRemovalTime()).isZero();
  }

  @Test
  void aPartnershipWithdrawnByItsDeadlineLeavesNoHistoryOnceItsTimeToLiveHasPassed() {
    String old = check.withdrawnUnanswered(Instant.now().minus(PAST_TIME_TO_LIVE));
    Set<String> hierarchy = check.hierarchyOf(old);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old).completed().count())
        .isEqualTo(1);
    Map<String, Long> before = check.historyRowsOf(hierarchy);
    assertThat(before).containsKeys("ACT_HI_PROCINST", "ACT_HI_JOB_LOG", "ACT_HI_DECINST");

    check.cleanUp();

    assertThat(check.historyRowsOf(hierarchy)).as("history left of %s (before: %s)", old, before).isEmpty();
  }
}
