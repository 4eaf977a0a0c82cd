package org.codeorg.partnerships.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administrator's migration form on its own, with the real delegates on an engine that runs no
 * partnership model (so the report says there is nothing to migrate; {@link RunningInstanceMigrationTest}
 * migrates real instances): dry run only, cancel, migrate.
 */
@Deployment(resources = {"bpmn/migrate-running-partnerships.bpmn", "forms/start-migration.form",
    "forms/read-migration-report.form", "forms/confirm-migration.form"})
class InstanceMigrationProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  @BeforeEach
  void realDelegates() {
    MigrationDelegates delegates = new MigrationDelegates();
    MigrationPlans plans = delegates.migrationPlans(engine.processEngine());
    Mocks.register("runMigrationDryRun", delegates.runMigrationDryRun(plans));
    Mocks.register("startMigrationBatches", delegates.startMigrationBatches(plans));
  }

  @Test
  void aDryRunOnlyShowsTheReportToTheAdministratorWhoAskedForIt() {
    ProcessInstance instance = start(true);
    assertThat(instance).isWaitingAtExactly(InstanceMigrationProcess.TASK_READ_REPORT);
    assertThat(task(instance)).isAssignedTo("admin");
    assertThat((String) runtimeService().getVariable(instance.getId(), "migrationReport"))
        .startsWith("Every running instance is on the latest version of its model: nothing to migrate.");
    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_ReportRead");
  }

  @Test
  void theAdministratorCancelsAfterReadingTheDryRun() {
    ProcessInstance instance = start(false);
    assertThat(instance).isWaitingAtExactly(InstanceMigrationProcess.TASK_CONFIRM);
    complete(task(instance), withVariables("migrationDecision", "CANCEL"));
    assertThat(instance).isEnded().hasPassed("EndEvent_MigrationCancelled").hasNotPassed("Task_StartMigrationBatches");
  }

  @Test
  void migrateNowStartsTheBatchesAfterAFreshDryRun() {
    ProcessInstance instance = start(false);
    complete(task(instance), withVariables("migrationDecision", "MIGRATE"));
    runJobs();
    assertThat(instance).isEnded().hasPassed("Task_StartMigrationBatches", "EndEvent_MigrationStarted")
        .variables().containsEntry("migrationBatches", "");
  }

  private static ProcessInstance start(boolean dryRunOnly) {
    engine.processEngine().getIdentityService().setAuthenticatedUserId("admin");
    try {
      ProcessInstance instance = runtimeService().startProcessInstanceByKey(InstanceMigrationProcess.PROCESS_KEY,
          Map.of("dryRunOnly", dryRunOnly));
      runJobs();
      return instance;
    } finally {
      engine.processEngine().getIdentityService().clearAuthentication();
    }
  }

  private static void runJobs() {
    for (Job job : managementService().createJobQuery().executable().list()) {
      managementService().executeJob(job.getId());
    }
  }
}
