package org.codeorg.partnerships.migration;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.engine.TextVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Delegates of {@code migrate-running-partnerships}, named after their elements. */
@Configuration
class MigrationDelegates {

  private static final Logger log = LoggerFactory.getLogger(MigrationDelegates.class);
  private static final String FULL_REPORT = "the whole report is in the application log (migration.MigrationDelegates)";

  /** The engine's migration API for the partnership models; lazy, as the engine is built after the beans it calls. */
  @Bean
  MigrationPlans migrationPlans(@Lazy ProcessEngine engine) {
    return new MigrationPlans(engine);
  }

  /** {@code Task_RunMigrationDryRun}: the report the administrator reads. */
  @Bean("runMigrationDryRun")
  JavaDelegate runMigrationDryRun(MigrationPlans plans) {
    return execution -> {
      String report = plans.dryRun().text();
      log.info("Migration dry run (process instance {}):\n{}", execution.getProcessInstanceId(), report);
      InstanceMigrationProcess.MIGRATION_REPORT.set(execution, TextVariables.fit(report, FULL_REPORT));
    };
  }

  /** {@code Task_StartMigrationBatches}: a fresh dry run, then one batch per model version for the instances that move. */
  @Bean("startMigrationBatches")
  JavaDelegate startMigrationBatches(MigrationPlans plans) {
    return execution -> {
      MigrationPlans.Execution started = plans.execute();
      String batches = started.batches().stream().map(Batch::getId).collect(Collectors.joining(","));
      log.info("Migration batches {} started by {} (process instance {}):\n{}", batches,
          InstanceMigrationProcess.REQUESTED_BY.get(execution), execution.getProcessInstanceId(), started.report().text());
      InstanceMigrationProcess.MIGRATION_REPORT.set(execution, TextVariables.fit(started.report().text(), FULL_REPORT));
      InstanceMigrationProcess.MIGRATION_BATCHES.set(execution, batches);
    };
  }
}
