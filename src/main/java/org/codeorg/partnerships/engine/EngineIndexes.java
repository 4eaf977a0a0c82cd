package org.codeorg.partnerships.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index the engine's schema lacks. Completing any task makes the engine look for its subtasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and without an index that reads
 * every open task: with 10,000 partnerships waiting for review it was the costliest statement of
 * a lifecycle on PostgreSQL (docs/performance.md, "Two defects"; camunda/camunda#36824). Created once the engine has made its
 * tables, idempotently, so Flyway keeps owning only the project's tables.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String TASK_PARENT_INDEX = "dpo_idx_task_parent_task";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);   // CONCURRENTLY must not run inside a transaction
      }
      // On PostgreSQL without blocking the task table's writes while a large table is indexed.
      statement.execute("CREATE INDEX " + (postgres ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + TASK_PARENT_INDEX
          + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
    } catch (SQLException e) {
      // Another node creating it at the same moment, or no right to create indexes: the engine works without it.
      log.warn("Could not create index {} on ACT_RU_TASK (task completion reads every open task without it): {}",
          TASK_PARENT_INDEX, e.getMessage());
    }
  }
}
