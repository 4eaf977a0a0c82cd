package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
 * History clean-up on H2 (PostgreSQL: {@code PostgresProductionProfileTest}): a partnership that ended
 * more than its time to live (5 years) ago leaves no row in any {@code ACT_HI_*} table, including
 * the job log of the repeating signature reminder; a partnership that ended recently keeps its history.
 */
class HistoryCleanupTest extends SpringIntegrationTest {

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
    check.partnershipPastItsTimeToLiveLeavesNoHistory();
    // The clean-up job logs its own runs; without history-cleanup-job-log-time-to-live they would stay forever.
    assertThat(check.cleanupJobLogsWithoutRemovalTime()).isZero();
  }

  @Test
  void aPartnershipWithdrawnByItsDeadlineLeavesNoHistoryOnceItsTimeToLiveHasPassed() {
    String old = check.withdrawnUnanswered(Instant.now().minus(HistoryCleanupCheck.PAST_TIME_TO_LIVE));
    Set<String> hierarchy = check.hierarchyOf(old);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old).completed().count())
        .isEqualTo(1);
    Map<String, Long> before = check.historyRowsOf(hierarchy);
    assertThat(before).containsKeys("ACT_HI_PROCINST", "ACT_HI_JOB_LOG", "ACT_HI_DECINST");

    check.cleanUp();

    assertThat(check.historyRowsOf(hierarchy)).as("history left of %s (before: %s)", old, before).isEmpty();
  }
}
