package org.codeorg.partnerships.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.codeorg.partnerships.classroom.ClassroomProcess;
import org.codeorg.partnerships.evaluation.EvaluationProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.pd.LeadershipPdProcess;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess;
import org.codeorg.partnerships.workshop.WorkshopProcess;

/**
 * Migration plans from every version of the partnership models that still has running instances
 * to the latest version, a dry run that tries each instance's migration for real and rolls it
 * back, and the migration itself as one Camunda batch per plan.
 *
 * <p>A plan is {@code mapEqualActivities()} (same id, same kind of element), the explicit
 * mappings of {@link #RENAMED} for elements whose id changed, and for every catching event the
 * choice of {@link EventTriggers}. Call activities are mapped like any activity: the call
 * activity instance and its link to the child stay, and the child instance is migrated by the plan
 * of its own process key (its version is independent of the parent's, {@code calledElementBinding="latest"}).
 *
 * <p>Listeners and input/output mappings are skipped ({@code skipCustomListeners},
 * {@code skipIoMappings}): a migration moves instances, it must never send an email or record a
 * milestone.
 */
public final class MigrationPlans {

  /**
   * The process keys that are migrated, parents before the processes they call (the report's order).
   * The administrators' own {@code migrate-running-partnerships} is not: its instances last minutes.
   */
  public static final List<String> PROCESS_KEYS = List.of(LifecycleProcess.PROCESS_KEY,
      ProfessionalDevelopmentProcess.PROCESS_KEY, LeadershipPdProcess.PROCESS_KEY, ClassroomProcess.PROCESS_KEY,
      WorkshopProcess.PROCESS_KEY, EvaluationProcess.PROCESS_KEY);

  /**
   * Elements whose id changed between versions, per process key: source id → target id. Empty for
   * the versions so far: from lifecycle 0.4 to 0.6 only {@code Task_ScheduleHourOfCode} was added
   * (an element nobody waits in before the migration), every other id stayed.
   */
  static final Map<String, Map<String, String>> RENAMED = Map.of();

  /** One version's instances and the plan that moves them, or why there is none. */
  public record PlannedMigration(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan, String problem,
      List<String> instanceIds) {

    public String from() {
      return version(source);
    }

    public String to() {
      return version(target);
    }
  }

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  private final Map<String, Map<String, String>> renamed;

  public MigrationPlans(ProcessEngine engine) {
    this(engine, RENAMED);
  }

  /** @param renamed per process key, source id → target id of the elements whose id changed */
  MigrationPlans(ProcessEngine engine, Map<String, Map<String, String>> renamed) {
    this.engine = engine;
    this.renamed = renamed;
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
  }

  /** @return one entry per older version with running instances, in {@link #PROCESS_KEYS} order, oldest first */
  public List<PlannedMigration> plans() {
    List<PlannedMigration> plans = new ArrayList<>();
    for (String key : PROCESS_KEYS) {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
      if (latest == null) {
        continue;
      }
      List<ProcessDefinition> older = repository.createProcessDefinitionQuery().processDefinitionKey(key).list().stream()
          .filter(d -> d.getVersion() < latest.getVersion()).sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
          .toList();
      for (ProcessDefinition source : older) {
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId()
            .asc().list().stream().map(ProcessInstance::getId).toList();
        if (ids.isEmpty()) {
          continue;
        }
        try {
          plans.add(new PlannedMigration(source, latest, plan(source, latest), null, ids));
        } catch (MigrationPlanValidationException e) {
          plans.add(new PlannedMigration(source, latest, null, describe(e), ids));
        } catch (IllegalStateException e) {
          plans.add(new PlannedMigration(source, latest, null, e.getMessage(), ids));
        }
      }
    }
    return plans;
  }

  /**
   * @return the plan from {@code source} to {@code target}
   * @throws MigrationPlanValidationException when the engine refuses an instruction
   * @throws IllegalStateException when a catching event of the target has no {@link EventTriggers} choice
   */
  public MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    checkEventChoices(target);
    Map<String, String> mapping = new LinkedHashMap<>();
    for (MigrationInstruction instruction : runtime.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().build().getInstructions()) {
      mapping.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
    }
    mapping.putAll(renamed.getOrDefault(source.getKey(), Map.of()));
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (Map.Entry<String, String> entry : mapping.entrySet()) {
      MigrationInstructionBuilder instruction = builder.mapActivities(entry.getKey(), entry.getValue());
      EventTriggers.EventTrigger trigger = EventTriggers.of(target.getKey(), entry.getValue());
      builder = trigger != null && trigger.choice() == EventTriggers.Choice.RECREATE
          ? instruction.updateEventTrigger() : instruction;
    }
    return builder.build();
  }

  private void checkEventChoices(ProcessDefinition target) {
    BpmnModelInstance model = repository.getBpmnModelInstance(target.getId());
    List<String> undecided = new ArrayList<>();
    for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
      boolean waits = !(event instanceof StartEvent) && event.getEventDefinitions().stream()
          .anyMatch(d -> d instanceof TimerEventDefinition || d instanceof MessageEventDefinition);
      if (waits && EventTriggers.of(target.getKey(), event.getId()) == null) {
        undecided.add(event.getId());
      }
    }
    if (!undecided.isEmpty()) {
      throw new IllegalStateException(version(target) + ": no event-trigger choice (keep or recreate) for " + undecided
          + " in migration.EventTriggers");
    }
  }

  /**
   * Tries every running instance's migration for real, one instance per transaction, and rolls each
   * back: the engine's own checks of the instance (its activity instances, jobs, subscriptions,
   * incidents against the plan) decide, not a guess.
   *
   * @return per instance whether it would move, and if not why
   */
  public MigrationReport dryRun() {
    List<MigrationReport.Line> lines = new ArrayList<>();
    for (PlannedMigration planned : plans()) {
      List<MigrationReport.Line> version = new ArrayList<>();
      for (String id : planned.instanceIds()) {
        version.add(tryInstance(planned, id));
      }
      version.removeIf(java.util.Objects::isNull);
      version.sort(Comparator.comparing(l -> l.businessKey() == null ? "" : l.businessKey()));
      lines.addAll(version);
    }
    return new MigrationReport(lines);
  }

  /**
   * Migrates, as one batch per plan, the instances that the dry run just before says would move.
   *
   * @return the report of that dry run and the batches started (Cockpit → Batches shows them)
   */
  public Execution execute() {
    MigrationReport report = dryRun();
    List<Batch> batches = new ArrayList<>();
    for (PlannedMigration planned : plans()) {
      List<String> movers = report.lines().stream().filter(l -> l.moves() && planned.instanceIds().contains(l.instanceId()))
          .map(MigrationReport.Line::instanceId).toList();
      if (planned.plan() != null && !movers.isEmpty()) {
        batches.add(runtime.newMigration(planned.plan()).processInstanceIds(movers).skipCustomListeners().skipIoMappings()
            .executeAsync());
      }
    }
    return new Execution(report, batches);
  }

  /** What {@link #execute()} started. */
  public record Execution(MigrationReport report, List<Batch> batches) {
  }

  private MigrationReport.Line tryInstance(PlannedMigration planned, String id) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    if (instance == null) {
      return null;
    }
    List<String> where = where(id);
    MigrationReport.Line line = new MigrationReport.Line(planned.source().getKey(), id, instance.getBusinessKey(),
        planned.from(), planned.to(), where, false, planned.problem());
    if (planned.plan() == null) {
      return line;
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequiresNew().execute(context -> {
        runtime.newMigration(planned.plan()).processInstanceIds(id).skipCustomListeners().skipIoMappings().execute();
        throw new DryRunRollback();
      });
      throw new IllegalStateException("unreachable: the dry run's transaction is always rolled back");
    } catch (DryRunRollback moved) {
      return line.moving();
    } catch (MigratingProcessInstanceValidationException e) {
      return line.refused(describe(e));
    } catch (ProcessEngineException e) {
      return line.refused(e.getMessage());
    }
  }

  /** The leaf activity instances (where the instance waits), async continuations and incidents. */
  private List<String> where(String processInstanceId) {
    List<String> where = new ArrayList<>();
    collect(runtime.getActivityInstance(processInstanceId), where);
    where.sort(null);
    for (Incident incident : runtime.createIncidentQuery().processInstanceId(processInstanceId).list()) {
      where.add("incident at " + incident.getActivityId() + ": " + incident.getIncidentMessage());
    }
    return where;
  }

  private static void collect(ActivityInstance instance, List<String> where) {
    if (instance == null) {
      return;
    }
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
        && !instance.getActivityType().equals("processDefinition")) {
      where.add(instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, where);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      where.add(transition.getActivityId() + " (async job)");
    }
  }

  static String version(ProcessDefinition definition) {
    return (definition.getVersionTag() == null ? "no tag" : definition.getVersionTag()) + " (v" + definition.getVersion()
        + ")";
  }

  private static String describe(MigrationPlanValidationException e) {
    Collection<String> failures = new TreeSet<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      failures.add(report.getMigrationInstruction().getSourceActivityId() + " → "
          + report.getMigrationInstruction().getTargetActivityId() + ": " + String.join("; ", report.getFailures()));
    }
    return "the plan is refused: " + String.join(" | ", failures);
  }

  private static String describe(MigratingProcessInstanceValidationException e) {
    Collection<String> failures = new TreeSet<>(e.getValidationReport().getFailures());
    for (MigratingActivityInstanceValidationReport report : e.getValidationReport().getActivityInstanceReports()) {
      failures.add(report.getSourceScopeId() + ": " + String.join("; ", report.getFailures()));
    }
    for (MigratingTransitionInstanceValidationReport report : e.getValidationReport().getTransitionInstanceReports()) {
      failures.add(report.getSourceScopeId() + " (async job): " + String.join("; ", report.getFailures()));
    }
    return String.join(" | ", failures);
  }

  /** Thrown at the end of a dry run's command so that its transaction rolls back. */
  private static final class DryRunRollback extends RuntimeException {
    DryRunRollback() {
      super("dry run", null, false, false);
    }
  }
}
