package org.codeorg.partnerships.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, task queries (Tasklist's filter lists and counts, {@code GET /engine-rest/task},
 * {@code TaskService.createTaskQuery()}) are planned with their values, for their own transaction
 * only. With authorization on, every task query joins the caller's authorizations filtered by
 * {@code PERMS_ & ? = ?}; PostgreSQL estimates that right only with the statistics
 * {@link EngineIndexes} creates and the values at hand, and only with index probes priced as on
 * SSD or in memory does it look each task's authorizations up instead of comparing every task with
 * every authorization of the group (docs/performance.md, "National scale": pd-managers' "Overdue"
 * list 1,850 ms → 37 ms at 10,000 partnerships).
 *
 * <p>Two settings, made with {@code SET LOCAL} before the query's command runs, so they end with
 * its transaction: {@code plan_cache_mode = force_custom_plan} (the JDBC driver prepares a statement
 * on the server after five uses, and PostgreSQL's generic plan for it cannot use the statistics:
 * 50 ms became 930 ms) and {@code random_page_cost = 1.1}. Every other statement keeps cached plans:
 * forcing custom plans on all of them made a whole partnership lifecycle 60 % slower on PostgreSQL.
 * One round trip per task query; nothing on other databases.
 */
@Component
public class TaskQueryPlanning extends AbstractProcessEnginePlugin {

  static final String SETTINGS = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
      + " set_config('random_page_cost', '1.1', true)";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new PlanWithValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Runs inside the command's transaction and command context (a post-interceptor). */
  static final class PlanWithValues extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if ((command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd)
          && DbSqlSessionFactory.POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection()
            .createStatement()) {
          statement.execute(SETTINGS);
        } catch (SQLException e) {
          throw new ProcessEngineException("Could not set the planner settings for a task query", e);
        }
      }
      return next.execute(command);
    }
  }
}
