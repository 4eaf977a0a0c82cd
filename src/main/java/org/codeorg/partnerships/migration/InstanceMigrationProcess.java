package org.codeorg.partnerships.migration;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/migrate-running-partnerships.bpmn}: an administrator's Tasklist start
 * form that runs a migration dry run and, once confirmed, the migration batches.
 */
public final class InstanceMigrationProcess {

  public static final String PROCESS_KEY = "migrate-running-partnerships";

  public static final String TASK_READ_REPORT = "Task_ReadMigrationReport";
  public static final String TASK_CONFIRM = "Task_ConfirmMigration";

  /** Start form: only report, migrate nothing. */
  public static final ProcessVariable<Boolean> DRY_RUN_ONLY = ProcessVariable.bool("dryRunOnly");
  /** The start form's user ({@code camunda:initiator}); the report's tasks are assigned to them. */
  public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.string("migrationRequestedBy");
  /** {@link MigrationReport#text()}, cut to the engine's string limit; the whole text is in the log. */
  public static final ProcessVariable<String> MIGRATION_REPORT = ProcessVariable.string("migrationReport");
  public static final ProcessVariable<MigrationDecision> MIGRATION_DECISION =
      ProcessVariable.enumeration("migrationDecision", MigrationDecision.class);
  /** Ids of the batches started, comma-separated (Cockpit → Batches). */
  public static final ProcessVariable<String> MIGRATION_BATCHES = ProcessVariable.string("migrationBatches");

  /** The administrator's answer in {@code Task_ConfirmMigration}. */
  public enum MigrationDecision {
    MIGRATE, CANCEL
  }

  private InstanceMigrationProcess() {
  }
}
