package org.codeorg.partnerships.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.codeorg.partnerships.evaluation.EvaluationProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instances parked at every wait state of the previous models (user tasks, receive tasks, timer
 * and message catch events, call activities, each with its boundary timers; non-interrupting
 * reminders also once after they fired), migrated to the models of {@code bpmn/} by
 * {@link MigrationPlans} (dry run, then one batch per plan), then driven to their end: no timer
 * fires twice, no delegate (an email) runs twice for the same thing, due dates of jobs and tasks
 * unchanged by the migration.
 */
class RunningInstanceMigrationTest {

  private static final Instant START = Instant.parse("2027-01-11T15:00:00Z");
  /** The lifecycle's implementation branches run in parallel up to a join: parked by starting at the split. */
  private static final Set<String> IMPLEMENTATION_BRANCHES = Set.of("CallActivity_SecondaryTeacherPd",
      "Task_ChooseElementaryPdPath", "Task_RecordTrainerTraining", "CallActivity_ElementaryTeacherPd",
      "CallActivity_LeadershipPd", "CallActivity_ClassroomSetup", "Timer_BeforeCsEdWeek");
  /** Repeating reminders fire more than once on purpose (R/P14D); their due date is checked instead. */
  private static final Set<String> CYCLES = Set.of("Timer_SignatureReminder", "Task_RemindSignature");

  private MigrationWorld world;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (world != null) {
      world.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-e2015a6", "2026-11-61f2ebb"})
  void instancesOfThePreviousModelsMoveToTheCurrentOnesAndEnd(String fixtureSet) {
    world = new MigrationWorld(fixtureSet);
    ProcessEngine engine = world.engine;
    RuntimeService runtime = engine.getRuntimeService();
    ManagementService management = engine.getManagementService();
    ClockUtil.setCurrentTime(Date.from(START));
    long began = System.nanoTime();
    world.deployFixtures(fixtureSet);

    Map<String, String> parked = new LinkedHashMap<>();   // business key -> what the instance waits in
    List<String> reminders = new ArrayList<>();           // business keys of instances whose reminder fired
    for (String key : MigrationPlans.PROCESS_KEYS) {
      ProcessDefinition previous = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(previous.getId());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
            || node instanceof CallActivity) {
          String reference = key + "@" + node.getId();
          park(runtime, previous, node.getId(), reference);
          parked.put(reference, node.getId());
        }
      }
      for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
        if (!boundary.cancelActivity() && !boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
          String reference = key + "@" + boundary.getAttachedTo().getId() + "+" + boundary.getId() + " fired";
          String instanceId = park(runtime, previous, boundary.getAttachedTo().getId(), reference);
          Job timer = management.createJobQuery().processInstanceId(instanceId).activityId(boundary.getId()).singleResult();
          management.executeJob(timer.getId());   // the reminder is due and fires before the migration
          runInstanceJobs(management, instanceId);
          parked.put(reference, boundary.getAttachedTo().getId());
          reminders.add(reference);
        }
      }
    }
    String gap = null;
    if (fixtureSet.equals("2026-11-e2015a6")) {
      gap = parkTheHourOfCodeGap(engine);
    }
    int parkedInstances = (int) runtime.createProcessInstanceQuery().count();
    Map<String, Date> timerDueDates = management.createJobQuery().timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
    Map<String, Date> taskDueDates = new HashMap<>();
    engine.getTaskService().createTaskQuery().list().forEach(t -> taskDueDates.put(t.getId(), t.getDueDate()));
    Map<String, Integer> callsBefore = Map.copyOf(world.calls);

    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(1))));
    world.deployCurrent();

    long parkedAt = System.nanoTime();
    MigrationReport report = new MigrationPlans(engine).dryRun();
    long dryRunAt = System.nanoTime();
    System.out.println("Dry run of the migration from " + fixtureSet + " to bpmn/:\n" + report.text());
    assertThat(report.lines()).hasSize(parkedInstances);
    assertThat(report.lines()).allSatisfy(line -> assertThat(line.moves()).as(line.toString()).isTrue());
    assertThat(report.lines()).extracting(MigrationReport.Line::businessKey).containsAll(parked.keySet());
    if (fixtureSet.equals("2026-11-e2015a6")) {
      // The target versions are whatever bpmn/ holds now; the sources are the fixture's.
      assertThat(report.text()).contains("partnership-lifecycle 0.4 (v1) → " + latestTag(engine, LifecycleProcess.PROCESS_KEY) + " (v2)",
          "classroom-setup 0.1 (v1) → " + latestTag(engine, "classroom-setup") + " (v2)",
          "pd-workshop 0.1 (v1) → " + latestTag(engine, "pd-workshop") + " (v2)",
          "professional-development 0.1 (v1) → " + latestTag(engine, "professional-development") + " (v2)",
          "leadership-pd 0.1 (v1) → " + latestTag(engine, "leadership-pd") + " (v2)",
          "program-evaluation 0.1 (v1) → " + latestTag(engine, EvaluationProcess.PROCESS_KEY) + " (v2)");
      assertThat(report.text()).containsPattern(
          "MOVES   partnership-lifecycle 0\\.4 \\(v1\\) → [0-9.]+ \\(v2\\) \\| GAP-1 \\| at Task_StartImplementation \\(async job\\),"
              + " incident at Task_StartImplementation: .*hourOfCodeAt");
    }
    assertThat(runtime.createProcessInstanceQuery().list()).as("the dry run moved nothing")
        .allSatisfy(instance -> assertThat(definition(engine, instance).getVersion()).isEqualTo(1));
    assertThat(report.text()).contains("MOVES   partnership-lifecycle", "| at Task_ReviewApplication |",
        "| at Timer_SchoolYearEnded |", "| at Task_WaitForPlan |");

    MigrationPlans.Execution execution = new MigrationPlans(engine).execute();
    assertThat(execution.batches()).hasSize(MigrationPlans.PROCESS_KEYS.size());
    runBatches(management, execution.batches());
    assertThat(engine.getHistoryService().createHistoricBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count())
        .isEqualTo(MigrationPlans.PROCESS_KEYS.size());
    assertThat(runtime.createProcessInstanceQuery().list()).as("every instance on the latest version")
        .allSatisfy(instance -> assertThat(definition(engine, instance).getVersion()).isEqualTo(2));
    assertThat(new MigrationPlans(engine).dryRun().lines()).isEmpty();

    // Due dates: the same timer jobs and tasks, with the same dates.
    Map<String, Date> timersAfter = management.createJobQuery().timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
    assertThat(timersAfter).isEqualTo(timerDueDates);
    for (Task task : engine.getTaskService().createTaskQuery().list()) {
      assertThat(task.getDueDate()).as(task.getTaskDefinitionKey()).isEqualTo(taskDueDates.get(task.getId()));
    }
    assertThat(world.calls).as("the migration ran no delegate").isEqualTo(callsBefore);

    if (gap != null) {
      Job failed = management.createJobQuery().processInstanceId(gap).singleResult();
      management.setJobRetries(failed.getId(), 1);   // Cockpit: Retry
      management.executeJob(failed.getId());
      assertThat(runtime.getVariable(gap, LifecycleProcess.HOUR_OF_CODE_AT.name())).as("set by Task_ScheduleHourOfCode")
          .isNotNull();
    }

    long migratedAt = System.nanoTime();
    // Time passes before anyone acts: only the reminders not yet sent come due, each at its own date.
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(40))));
    world.runDueJobs();
    world.driveToEnd();

    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    System.out.printf("%s: %d instances parked in %d ms, dry run %d ms, migration %d ms, driven to their end in %d ms%n",
        fixtureSet, parkedInstances, (parkedAt - began) / 1_000_000, (dryRunAt - parkedAt) / 1_000_000,
        (migratedAt - dryRunAt) / 1_000_000, (System.nanoTime() - migratedAt) / 1_000_000);
    assertThat(world.calls.entrySet().stream().filter(c -> c.getValue() > 1)
        .filter(c -> CYCLES.stream().noneMatch(c.getKey()::contains)).map(Map.Entry::getKey).toList())
        .as("delegates (emails) called twice for the same instance, element, round and phase").isEmpty();
    Map<String, Long> timerFirings = engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> a.getActivityType().toLowerCase().contains("timer") && !CYCLES.contains(a.getActivityId()))
        .collect(Collectors.groupingBy(a -> a.getProcessInstanceId() + "|" + a.getActivityId(), Collectors.counting()));
    assertThat(timerFirings.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("timers that fired twice").isEmpty();
    for (String reference : reminders) {
      String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(reference.substring(0, reference.indexOf('@'))).singleResult().getId();
      String boundary = reference.substring(reference.indexOf('+') + 1, reference.indexOf(" fired"));
      List<HistoricActivityInstance> firings = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instanceId).activityId(boundary).list();
      assertThat(firings).as(reference).hasSizeGreaterThanOrEqualTo(1);
      if (!CYCLES.contains(boundary)) {
        assertThat(firings).as(reference + ": fired before the migration, not again").hasSize(1);
      }
    }
  }

  /**
   * An element renamed between versions: without an explicit mapping the dry run says why the
   * instances waiting in it cannot move, and the batch leaves them; with one they move.
   */
  @Test
  void aRenamedWaitStateNeedsAnExplicitMapping() throws Exception {
    world = new MigrationWorld("2026-11-61f2ebb");
    ProcessEngine engine = world.engine;
    ClockUtil.setCurrentTime(Date.from(START));
    world.deployCurrent();
    String waiting = engine.getRuntimeService().createProcessInstanceByKey(EvaluationProcess.PROCESS_KEY)
        .businessKey("EVAL-1").setVariables(MigrationWorld.variables(EvaluationProcess.PROCESS_KEY, "EVAL-1", START))
        .startBeforeActivity(EvaluationProcess.TASK_ASSESS_PROGRAM).execute().getId();
    String renamed = new String(getClass().getResourceAsStream("/bpmn/program-evaluation.bpmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8).replace("Task_AssessProgram", "Task_AssessTheProgram")
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"0.3-renamed\"");
    engine.getRepositoryService().createDeployment().addString("program-evaluation.bpmn", renamed).deploy();

    MigrationReport report = new MigrationPlans(engine).dryRun();
    System.out.println("Dry run with a renamed user task:\n" + report.text());
    assertThat(report.lines()).singleElement().satisfies(line -> {
      assertThat(line.moves()).isFalse();
      assertThat(line.reason()).contains("Task_AssessProgram", "no migration instruction");
    });
    assertThat(new MigrationPlans(engine).execute().batches()).as("nothing that cannot move is put in a batch").isEmpty();

    MigrationPlans mapped = new MigrationPlans(engine,
        Map.of(EvaluationProcess.PROCESS_KEY, Map.of("Task_AssessProgram", "Task_AssessTheProgram")));
    assertThat(mapped.dryRun().lines()).singleElement().satisfies(line -> assertThat(line.moves()).isTrue());
    runBatches(engine.getManagementService(), mapped.execute().batches());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(waiting).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_AssessTheProgram");
  }

  /**
   * Lifecycle 0.4 set {@code hourOfCodeAt} in {@code Task_StartImplementation}; today's delegate
   * no longer does (0.5 added {@code Task_ScheduleHourOfCode}), so a 0.4 instance that starts
   * implementation now fails at {@code Gateway_CsEdWeekAhead}. Parked with that incident, it is
   * migrated like the others; retried, it runs the new task.
   */
  private static String parkTheHourOfCodeGap(ProcessEngine engine) {
    ProcessDefinition previous = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).latestVersion().singleResult();
    String id = engine.getRuntimeService().createProcessInstanceById(previous.getId()).businessKey("GAP-1")
        .setVariables(MigrationWorld.variables(LifecycleProcess.PROCESS_KEY, "GAP-1", START))
        .startBeforeActivity("Task_StartImplementation").execute().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("hourOfCodeAt");
    engine.getManagementService().setJobRetries(job.getId(), 0);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isOne();
    return id;
  }

  private static String park(RuntimeService runtime, ProcessDefinition definition, String activityId, String reference) {
    Map<String, Object> variables = MigrationWorld.variables(definition.getKey(), reference, START);
    if (definition.getKey().equals(LifecycleProcess.PROCESS_KEY) && IMPLEMENTATION_BRANCHES.contains(activityId)) {
      variables.put(LifecycleProcess.HOUR_OF_CODE_AT.name(), Date.from(START.plus(Duration.ofDays(100))));
      ProcessInstance instance = runtime.createProcessInstanceById(definition.getId()).businessKey(reference)
          .setVariables(variables).startBeforeActivity("Gateway_ImplementationSplit").execute();
      if (runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activityId).count() == 0) {
        runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity("Task_ChooseElementaryPdPath")
            .startBeforeActivity(activityId).execute();
      }
      return instance.getId();
    }
    return runtime.createProcessInstanceById(definition.getId()).businessKey(reference).setVariables(variables)
        .startBeforeActivity(activityId).execute().getId();
  }

  private static void runInstanceJobs(ManagementService management, String instanceId) {
    List<Job> due;
    while (!(due = management.createJobQuery().processInstanceId(instanceId).executable().list()).isEmpty()) {
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** The job executor's part: each batch's seed, migration and monitor jobs, whatever their due date. */
  private static void runBatches(ManagementService management, List<Batch> batches) {
    for (Batch batch : batches) {
      for (int round = 0; round < 100 && management.createBatchQuery().batchId(batch.getId()).count() > 0; round++) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId())) {
          management.createJobQuery().jobDefinitionId(definition).list().forEach(job -> management.executeJob(job.getId()));
        }
      }
      assertThat(management.createBatchQuery().batchId(batch.getId()).count()).as("batch finished").isZero();
    }
  }

  private static ProcessDefinition definition(ProcessEngine engine, ProcessInstance instance) {
    return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
  }

  /** The versionTag of the latest deployed version of a process: the migration's target. */
  private static String latestTag(ProcessEngine engine, String processKey) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getVersionTag();
  }
}
