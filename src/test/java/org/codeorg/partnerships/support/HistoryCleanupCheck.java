package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History clean-up of one partnership, on whichever database the application runs: drives a
 * lifecycle instance to its end in the past (so that it alone is past its time to live while
 * every other instance of the shared database ended "now"), runs the engine's clean-up job, and
 * counts the rows of every {@code ACT_HI_*} table (found from the database's metadata) that belong
 * to the instance's hierarchy.
 */
public final class HistoryCleanupCheck {

  /** Columns by which a history row names its process instance (the job log spells it out). */
  private static final List<String> INSTANCE_COLUMNS = List.of("ROOT_PROC_INST_ID_", "PROC_INST_ID_",
      "PROCESS_INSTANCE_ID_");

  /** Longer ago than the models' history time to live (P1825D) plus the few weeks a journey takes. */
  public static final Duration PAST_TIME_TO_LIVE = Duration.ofDays(6 * 366);

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public HistoryCleanupCheck(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * A partnership reminded to sign (the repeating timer fired twice) and cancelled more than the time to live
   * ago: every history row of it has a removal time, and the clean-up leaves none; a partnership withdrawn
   * 10 days ago keeps all of its history.
   */
  public void partnershipPastItsTimeToLiveLeavesNoHistory() {
    Instant now = Instant.now();
    String old = remindedToSignThenCancelled(now.minus(PAST_TIME_TO_LIVE));
    String recent = withdrawnUnanswered(now.minus(Duration.ofDays(40)));
    Set<String> oldHierarchy = hierarchyOf(old);
    Map<String, Long> before = historyRowsOf(oldHierarchy);
    assertThat(before).containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_IDENTITYLINK");
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(old)
        .activityIdIn("Timer_SignatureReminder").successLog().count()).as("reminders sent").isEqualTo(2);
    // With the removal-time strategy "end", the end of the instance stamps every row of it, the
    // repeating timer's job log included; nothing is left for clean-up to miss.
    assertThat(rowsWithoutRemovalTime(oldHierarchy)).isEmpty();
    Map<String, Long> recentBefore = historyRowsOf(hierarchyOf(recent));

    cleanUp();

    assertThat(historyRowsOf(oldHierarchy)).as("history left of %s (before: %s)", old, before).isEmpty();
    assertThat(historyRowsOf(hierarchyOf(recent))).isEqualTo(recentBefore);
  }

  /**
   * A partnership accepted at {@code start}, reminded twice to sign (the repeating timer
   * {@code R/P14D} fires, its next cycle is pending) and then cancelled by staff, as from Cockpit.
   */
  public String remindedToSignThenCancelled(Instant start) {
    travelTo(start);
    ProcessInstance instance = apply();
    complete(instance, LifecycleProcess.TASK_REVIEW_APPLICATION, Map.of("reviewDecision", "ACCEPT"));
    runJobs(instance);
    for (int reminder = 1; reminder <= 2; reminder++) {
      travelTo(start.plus(Duration.ofDays(14L * reminder)).plusSeconds(60));
      runJobs(instance);
    }
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "The district decided not to sign");
    ClockUtil.reset();
    return instance.getId();
  }

  /** A partnership asked for information at {@code start} that never answers: withdrawn by the 30-day deadline. */
  public String withdrawnUnanswered(Instant start) {
    travelTo(start);
    ProcessInstance instance = apply();
    complete(instance, LifecycleProcess.TASK_REVIEW_APPLICATION,
        Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequest", "How many teachers take part?"));
    runJobs(instance);
    for (int days : new int[] {7, 14, 30}) {
      travelTo(start.plus(Duration.ofDays(days)).plusSeconds(60));
      runJobs(instance);
    }
    ClockUtil.reset();
    return instance.getId();
  }

  /** The partnership's process instance and every instance it called. */
  public Set<String> hierarchyOf(String rootProcessInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(rootProcessInstanceId);
    engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId)
        .list().stream().map(HistoricProcessInstance::getId).forEach(ids::add);
    return ids;
  }

  /**
   * Rows per {@code ACT_HI_*} table (and history byte arrays in {@code ACT_GE_BYTEARRAY}) that name one of
   * {@code processInstanceIds}; tables with no such row are left out.
   */
  public Map<String, Long> historyRowsOf(Set<String> processInstanceIds) {
    return count(processInstanceIds, false);
  }

  /** Like {@link #historyRowsOf}, counting only rows without a removal time: rows clean-up would never remove. */
  public Map<String, Long> rowsWithoutRemovalTime(Set<String> processInstanceIds) {
    return count(processInstanceIds, true);
  }

  private Map<String, Long> count(Set<String> processInstanceIds, boolean withoutRemovalTimeOnly) {
    Map<String, Long> rows = new TreeMap<>();
    String in = String.join(",", processInstanceIds.stream().map(id -> "?").toList());
    for (Map.Entry<String, HistoryTable> table : historyTables().entrySet()) {
      HistoryTable columns = table.getValue();
      List<String> conditions = columns.instanceColumns().stream().map(column -> column + " IN (" + in + ")").toList();
      List<Object> arguments = new ArrayList<>();
      for (int i = 0; i < conditions.size(); i++) {
        arguments.addAll(processInstanceIds);
      }
      String where = "(" + String.join(" OR ", conditions) + ")";
      if (withoutRemovalTimeOnly) {
        where += " AND " + columns.removalTimeColumn() + " IS NULL";
      }
      Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.getKey() + " WHERE " + where, Long.class,
          arguments.toArray());
      if (count != null && count > 0) {
        rows.put(table.getKey().toUpperCase(Locale.ROOT), count);
      }
    }
    return rows;
  }

  /** Columns of a history table that name a process instance, and its removal time column. */
  record HistoryTable(List<String> instanceColumns, String removalTimeColumn) {
  }

  /** The engine's history tables that name process instances (every one has a removal time). */
  Map<String, HistoryTable> historyTables() {
    return jdbc.execute((java.sql.Connection connection) -> {
      DatabaseMetaData metadata = connection.getMetaData();
      Map<String, HistoryTable> tables = new TreeMap<>();
      try (ResultSet found = metadata.getTables(null, connection.getSchema(), null, new String[] {"TABLE"})) {
        while (found.next()) {
          String name = found.getString("TABLE_NAME");
          String upper = name.toUpperCase(Locale.ROOT);
          if (upper.startsWith("ACT_HI_") || upper.equals("ACT_GE_BYTEARRAY")) {
            HistoryTable table = columnsOf(metadata, connection.getSchema(), name);
            if (!table.instanceColumns().isEmpty()) {
              if (table.removalTimeColumn() == null) {
                throw new IllegalStateException(name + " names process instances but has no removal time");
              }
              tables.put(name, table);
            }
          }
        }
      }
      if (tables.keySet().stream().noneMatch(t -> t.equalsIgnoreCase("ACT_HI_PROCINST"))) {
        throw new IllegalStateException("No engine history tables in schema " + connection.getSchema());
      }
      return tables;
    });
  }

  private static HistoryTable columnsOf(DatabaseMetaData metadata, String schema, String table) throws SQLException {
    List<String> instanceColumns = new ArrayList<>();
    String removalTime = null;
    try (ResultSet found = metadata.getColumns(null, schema, table, null)) {
      while (found.next()) {
        String column = found.getString("COLUMN_NAME");
        if (INSTANCE_COLUMNS.contains(column.toUpperCase(Locale.ROOT))) {
          instanceColumns.add(column);
        } else if (column.equalsIgnoreCase("REMOVAL_TIME_")) {
          removalTime = column;
        }
      }
    }
    return new HistoryTable(instanceColumns, removalTime);
  }

  /** Job log rows of the history clean-up job itself without a removal time: they would stay forever. */
  public long cleanupJobLogsWithoutRemovalTime() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_DEF_TYPE_ = 'history-cleanup'"
        + " AND REMOVAL_TIME_ IS NULL", Long.class);
  }

  /**
   * Runs the engine's history clean-up now, as its nightly job would (one run removes up to its
   * batch size of rows per kind, far more than one partnership has): the job is made due at once and
   * executed.
   */
  public void cleanUp() {
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(job.getId());
  }

  private ProcessInstance apply() {
    return engine.getRuntimeService().startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY,
        TestApplications.startForm());
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** Executes the instance's due jobs only: other tests' jobs in the shared database are not this test's to run. */
  private void runJobs(ProcessInstance instance) {
    for (int guard = 0; guard < 100; guard++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs of " + instance.getId() + " keep creating due jobs");
  }

  private static void travelTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
