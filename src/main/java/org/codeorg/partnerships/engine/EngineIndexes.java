package org.codeorg.partnerships.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the engine's schema lacks for the project's scale, created once the engine has made its
 * tables, idempotently, so Flyway keeps owning only the project's tables.
 * <ul>
 * <li>An index on {@code ACT_RU_TASK (PARENT_TASK_ID_)}. Completing any task makes the engine look
 * for its subtasks, and without an index that reads every open task: with 10,000 partnerships
 * waiting for review it was the costliest statement of a lifecycle on PostgreSQL
 * (docs/performance.md, "Two defects"; camunda/camunda#36824).</li>
 * <li>On PostgreSQL, statistics on the permission bits of {@code ACT_RU_AUTHORIZATION}. Every task
 * query with authorization on joins the caller's authorizations filtered by
 * {@code PERMS_ & 2 = 2}; without statistics on that expression PostgreSQL guesses 0.5 % of the
 * rows, so for a group with 3,800 task authorizations it expects 19 and compares every task with
 * every authorization (20 million comparisons, 1.7 s for pd-managers' "Overdue" count at national
 * scale) instead of looking each task's authorizations up by index (67 ms; docs/performance.md,
 * "National scale"). The estimate only helps a plan made with the values, which is why task
 * queries are planned with theirs ({@link TaskQueryPlanning}).</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String TASK_PARENT_INDEX = "dpo_idx_task_parent_task";
  static final String PERMISSION_STATISTICS = "dpo_stat_auth_permission_bits";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);   // CONCURRENTLY must not run inside a transaction
      }
      createTaskParentIndex(statement, postgres);
      if (postgres) {
        createPermissionStatistics(connection, statement);
      }
    } catch (SQLException e) {
      log.warn("Could not check the engine's extra indexes and statistics: {}", e.getMessage());
    }
  }

  private static void createTaskParentIndex(Statement statement, boolean postgres) {
    try {
      // On PostgreSQL without blocking the task table's writes while a large table is indexed.
      statement.execute("CREATE INDEX " + (postgres ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + TASK_PARENT_INDEX
          + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
    } catch (SQLException e) {
      // Another node creating it at the same moment, or no right to create indexes: the engine works without it.
      log.warn("Could not create index {} on ACT_RU_TASK (task completion reads every open task without it): {}",
          TASK_PARENT_INDEX, e.getMessage());
    }
  }

  /**
   * The bits the engine's queries test: READ (tasks, instances), READ_TASK, READ_INSTANCE and
   * READ_HISTORY (on process definitions). Expression statistics need PostgreSQL 14.
   */
  private static void createPermissionStatistics(Connection connection, Statement statement) {
    try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_statistic_ext WHERE stxname = ?")) {
      exists.setString(1, PERMISSION_STATISTICS);
      try (ResultSet found = exists.executeQuery()) {
        if (found.next()) {
          return;
        }
      }
      statement.execute("CREATE STATISTICS IF NOT EXISTS " + PERMISSION_STATISTICS + " ON "
          + bit(Permissions.READ.getValue()) + ", " + bit(Permissions.READ_TASK.getValue()) + ", "
          + bit(Permissions.READ_INSTANCE.getValue()) + ", " + bit(Permissions.READ_HISTORY.getValue())
          + " FROM ACT_RU_AUTHORIZATION");
      // Autovacuum would gather them later; a database upgraded with many tasks needs them now.
      statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
      log.info("Created statistics {} on the permission bits of ACT_RU_AUTHORIZATION", PERMISSION_STATISTICS);
    } catch (SQLException e) {
      log.warn("Could not create statistics {} on ACT_RU_AUTHORIZATION (PostgreSQL 14 or later; without them task"
          + " queries with authorization slow down with the number of open tasks): {}", PERMISSION_STATISTICS,
          e.getMessage());
    }
  }

  private static String bit(int permission) {
    return "(PERMS_ & " + permission + ")";
  }
}
