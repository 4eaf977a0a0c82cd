package org.codeorg.partnerships.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.classroom.ClassroomProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.workshop.WorkshopProcess;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An engine of its own (in-memory H2, full history, no job executor) for the migration test: the
 * models of a fixture set and of {@code bpmn/}, every delegate a recording stand-in that sets what
 * the real one sets for the engine's gateways and timers (as the bench's bare engine does), former
 * bean names aliased as in the application ({@code FORMER_BEAN_NAMES}). The stand-ins count their
 * calls per instance, element, loop round and PD phase: an email sent twice is a delegate called
 * twice for the same thing.
 */
final class MigrationWorld {

  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"");
  static final Set<String> NOT_ANSWERED = Set.of(WorkshopProcess.MESSAGE_RESCHEDULED);

  final ProcessEngine engine;
  /** Calls per "processInstanceId|activityId|loopCounter|phaseNumber". */
  final Map<String, Integer> calls = new ConcurrentHashMap<>();

  MigrationWorld(String fixtureSet) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("migration-" + fixtureSet + "-" + System.nanoTime());
    configuration.setJdbcUrl("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setBeans(beans(fixtureSet));
    this.engine = configuration.buildProcessEngine();
  }

  void close() {
    engine.close();
  }

  /** Deploys the fixture set's models with today's forms (the older sets bind forms to their deployment). */
  void deployFixtures(String fixtureSet) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("previous " + fixtureSet);
    add(deployment, "classpath*:previous-models/" + fixtureSet + "/*.bpmn");
    add(deployment, "classpath*:forms/*.form");
    deployment.deploy();
  }

  /** Deploys {@code bpmn/} and {@code forms/} as the application does. */
  void deployCurrent() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("current");
    add(deployment, "classpath*:bpmn/*.bpmn");
    add(deployment, "classpath*:forms/*.form");
    deployment.deploy();
  }

  private static void add(DeploymentBuilder deployment, String pattern) {
    for (Resource resource : resources(pattern)) {
      try (var in = resource.getInputStream()) {
        deployment.addInputStream(resource.getFilename(), in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Drives every running instance to its end: due jobs, then open tasks (the answers lead forward),
   * then the messages the instances wait for, and when nothing is left to do now, the clock moves to
   * the next timer.
   *
   * @throws IllegalStateException when instances are left that nothing can move
   */
  void driveToEnd() {
    for (int round = 0; round < 10_000; round++) {
      boolean progressed = runDueJobs() | completeTasks() | answerMessages();
      if (!progressed) {
        if (engine.getRuntimeService().createProcessInstanceQuery().count() == 0) {
          return;
        }
        Job next = engine.getManagementService().createJobQuery().timers().active().orderByJobDuedate().asc().listPage(0, 1)
            .stream().findFirst().orElseThrow(() -> new IllegalStateException("instances wait for nothing the test gives: "
                + engine.getRuntimeService().createProcessInstanceQuery().list()));
        ClockUtil.setCurrentTime(new Date(Math.max(next.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime())));
      }
    }
    throw new IllegalStateException("the instances did not end");
  }

  boolean runDueJobs() {
    boolean ran = false;
    while (true) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().active().listPage(0, 100);
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (ProcessEngineException e) {
          if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
            throw new IllegalStateException("job of " + job.getProcessDefinitionKey() + " failed: " + e.getMessage(), e);
          }
        }
      }
      ran = true;
    }
  }

  private boolean completeTasks() {
    List<Task> open = engine.getTaskService().createTaskQuery().active().list();
    for (Task task : open) {
      engine.getTaskService().complete(task.getId(), answer(task.getTaskDefinitionKey()));
    }
    return !open.isEmpty();
  }

  /** The staff member's answer in each form: forward, or the shortest way to the end. */
  static Map<String, Object> answer(String taskKey) {
    return switch (taskKey) {
      case "Task_ReviewApplication" -> Map.of("reviewDecision", "ACCEPT");
      case "Task_RecordSignedAgreement" -> Map.of("signatoryName", "Dr. Ada Lovelace", "agreementSignedOn",
          LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString());
      case "Task_ReviewPlan" -> Map.of("planDecision", "APPROVE");
      case "Task_DecideEscalatedPlan" -> Map.of("escalationDecision", "APPROVE");
      case "Task_ChooseElementaryPdPath" -> Map.of("elementaryPdPath", "REGIONAL_AFFILIATE");
      case "Task_RecordTrainerTraining" -> Map.of("trainerTrainedOn", "2027-06-01");
      case "Task_DecideCloseOrRenew" -> Map.of("closeDecision", "RENEW");
      case "Task_RecordSectionReadiness" -> Map.of("timeSlot", "P2", "room", "B-101");
      case "Task_ApproveMaterialsCost" -> Map.of("costDecision", "APPROVE");
      case "Task_DecideUnreadySection" -> Map.of("unreadyDecision", "DROP");
      case "Task_RecordLeadershipAttendance" -> Map.of("allLeadersAttended", "YES");
      case "Task_ConfirmTeacherCommitment" -> Map.of("teacherCommitment", "COMMITS");
      case "Task_DecideMissingCommitment" -> Map.of("commitmentDecision", "WITHDRAW");
      case "Task_DecideMissedPhase" -> Map.of("missedPhaseDecision", "WITHDRAW");
      case "Task_ChooseFacilitator" -> Map.of("facilitator", "facilitator1");
      case "Task_RecordVendorConfirmation" -> Map.of("vendorConfirmation", "CATER-42");
      case "Task_RecordSessionAttendance" -> Map.of("allPresent", "YES");
      case "Task_CloseWorkshop" -> Map.of("attendanceConfirmed", true);
      case "Task_RecordEvaluationData" -> Map.of("courseResults", "CSP: 1 section, 30 enrolled, 27 completed");
      case "Task_AssessProgram" -> Map.of("pdAssessment", "Done.", "studentOutcomes", "Good.", "conclusions", "Renew.",
          "evaluationRecommendation", "RENEW");
      default -> throw new IllegalStateException("no answer for task " + taskKey);
    };
  }

  private boolean answerMessages() {
    boolean answered = false;
    for (EventSubscription subscription : engine.getRuntimeService().createEventSubscriptionQuery().eventType("message")
        .list()) {
      // A message start event (the lifecycle's renewal start) has a subscription without an instance.
      if (subscription.getProcessInstanceId() == null || NOT_ANSWERED.contains(subscription.getEventName())) {
        continue;
      }
      var correlation = engine.getRuntimeService().createMessageCorrelation(subscription.getEventName())
          .processInstanceId(subscription.getProcessInstanceId());
      switch (subscription.getEventName()) {
        case "TeacherCommitmentReceived" -> correlation.setVariable("teacherCommitment", "COMMITS");
        case "PdPhaseReported" -> correlation.setVariable("phaseAttended", true).setVariable("phaseHours", 10);
        default -> {
        }
      }
      correlation.correlateWithResult();
      answered = true;
    }
    return answered;
  }

  /** The variables an instance of each process has when it waits somewhere (what its delegates and caller set). */
  static Map<String, Object> variables(String processKey, String reference, Instant now) {
    Map<String, Object> variables = new HashMap<>(Map.of("partnershipId", 1L, "partnershipReference", reference));
    switch (processKey) {
      case LifecycleProcess.PROCESS_KEY -> {
        variables.put("reviewDecision", "ACCEPT");
        variables.put("planDecision", "APPROVE");
        variables.put("planRevisionRounds", 1);
        variables.put("escalatePlan", false);
        variables.put("hasElementaryTeachers", true);
        variables.put("schoolYearEndsAt", Date.from(now.plus(Duration.ofDays(300))));
      }
      case "professional-development" -> {
        variables.put("teacherId", 11L);
        variables.put("commitmentDeadline", Date.from(now.plus(Duration.ofDays(21))));
        variables.put("phaseCount", 2);
        variables.put("phaseNumber", 1);
        variables.put("phaseDelivery", "ONLINE");
        variables.put("phaseDueDate", Date.from(now.plus(Duration.ofDays(120))));
        variables.put("teacherCommitment", "COMMITS");
      }
      case "leadership-pd" -> {
        variables.put("schoolId", 21L);
        variables.put("leaderCount", 2);
        variables.put("programDate", Date.from(now.plus(Duration.ofDays(30))));
      }
      case ClassroomProcess.PROCESS_KEY -> {
        variables.put("sectionId", 31L);
        variables.put("readinessDeadline", Date.from(now.plus(Duration.ofDays(14))));
        variables.put("escalationAt", Date.from(now.plus(Duration.ofDays(21))));
        variables.put("readinessResult", "READY");
      }
      case WorkshopProcess.PROCESS_KEY -> {
        Instant first = now.plus(Duration.ofDays(30));
        variables.put("reminderTenDaysAt", Date.from(first.minus(Duration.ofDays(10))));
        variables.put("reminderThreeDaysAt", Date.from(first.minus(Duration.ofDays(3))));
        variables.put("firstSessionAt", Date.from(first));
        variables.put("closeReminderAt", Date.from(first.plus(Duration.ofDays(3))));
        variables.put("sessionCount", 2);
        variables.put("workshopId", 41L);
        variables.put("workshopReference", reference);
        variables.put("workshopCourse", "CSP");
        variables.put("workshopPhase", 2);
        variables.put("enrolledTeachers", "");
        variables.put("organizer", "pdmanager");
        variables.put("facilitator", "facilitator1");
        variables.put("facilitatorFound", true);
      }
      case "program-evaluation" -> variables.put("evaluationDataDueAt", Date.from(now.plus(Duration.ofDays(30))));
      default -> throw new IllegalArgumentException(processKey);
    }
    return variables;
  }

  /** The collections of the lifecycle's multi-instance call activities: one teacher, school and section each. */
  public static final class Collections {

    public List<Long> secondaryTeachers(Number partnershipId) {
      return List.of(11L);
    }

    public List<Long> elementaryTeachers(Number partnershipId) {
      return List.of(12L);
    }

    public List<Long> leadershipSchools(Number partnershipId) {
      return List.of(21L);
    }

    public List<Long> of(Number partnershipId) {
      return List.of(31L);
    }
  }

  /** A delegate or listener that records its call and sets only what the graph reads. */
  final class StandIn implements JavaDelegate, ExecutionListener, TaskListener {

    private final Consumer<DelegateExecution> sets;

    StandIn(Consumer<DelegateExecution> sets) {
      this.sets = sets;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String call = execution.getProcessInstanceId() + "|" + execution.getCurrentActivityId() + "|"
          + execution.getVariable("loopCounter") + "|" + execution.getVariable("phaseNumber");
      // Counted when committed, as an outbox row would be: a call whose transaction rolls back sent nothing.
      Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> calls.merge(call, 1, Integer::sum));
      sets.accept(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {
      sets.accept(execution);
    }

    @Override
    public void notify(DelegateTask task) {
      // no task listener sets anything the engine reads
    }
  }

  private Map<Object, Object> beans(String fixtureSet) {
    Map<Object, Object> beans = new HashMap<>();
    for (String name : beanNames("classpath*:bpmn/*.bpmn", "classpath*:previous-models/" + fixtureSet + "/*.bpmn")) {
      beans.put(name, new StandIn(execution -> { }));
    }
    Collections collections = new Collections();
    beans.put("pdParticipants", collections);
    beans.put("classroomSections", collections);
    beans.put("recordPlanReview", new StandIn(e -> {
      e.setVariable("planRevisionRounds",
          e.getVariable("planRevisionRounds") == null ? 1 : (Integer) e.getVariable("planRevisionRounds") + 1);
      e.setVariable("escalatePlan", false);
    }));
    // As the application's today: hourOfCodeAt is no longer set here but by Task_ScheduleHourOfCode (lifecycle 0.5+).
    beans.put("startImplementation", new StandIn(e -> {
      e.setVariable("hasElementaryTeachers", true);
      e.setVariable("schoolYearEndsAt", Date.from(now().plus(Duration.ofDays(300))));
    }));
    beans.put("scheduleHourOfCode", new StandIn(e -> e.setVariable("hourOfCodeAt", Date.from(now().plus(Duration.ofDays(100))))));
    beans.put("sendSetupChecklist", new StandIn(e -> {
      e.setVariable("readinessDeadline", Date.from(now().plus(Duration.ofDays(14))));
      e.setVariable("escalationAt", Date.from(now().plus(Duration.ofDays(21))));
    }));
    beans.put("assessReadiness", new StandIn(e -> e.setVariable("readinessResult", "READY")));
    beans.put("requestTeacherCommitment", new StandIn(e -> e.setVariable("commitmentDeadline",
        Date.from(now().plus(Duration.ofDays(21))))));
    beans.put("enrolTeacherInPd", new StandIn(e -> {
      e.setVariable("phaseCount", 2);
      e.setVariable("phaseNumber", 0);
    }));
    beans.put("openNextPdPhase", new StandIn(e -> {
      e.setVariable("phaseNumber", (Integer) e.getVariable("phaseNumber") + 1);
      e.setVariable("phaseDelivery", "ONLINE");
      e.setVariable("phaseDueDate", Date.from(now().plus(Duration.ofDays(120))));
    }));
    beans.put("enrolSchoolLeaders", new StandIn(e -> {
      e.setVariable("leaderCount", 2);
      e.setVariable("programDate", Date.from(now().plus(Duration.ofDays(30))));
    }));
    beans.put("recordPdPhaseCompleted", new StandIn(e -> e.setVariable("morePhases",
        (Integer) e.getVariable("phaseNumber") < (Integer) e.getVariable("phaseCount"))));
    beans.put("assignFacilitator", new StandIn(e -> {
      e.setVariable("facilitator", "facilitator1");
      e.setVariable("facilitatorFound", true);
    }));
    beans.put("requestEvaluationData", new StandIn(e -> e.setVariable("evaluationDataDueAt",
        Date.from(now().plus(Duration.ofDays(30))))));
    // Former names stay aliases of the renamed beans, as in the application.
    for (Map<String, String> former : List.of(LifecycleProcess.FORMER_BEAN_NAMES, ClassroomProcess.FORMER_BEAN_NAMES,
        WorkshopProcess.FORMER_BEAN_NAMES)) {
      former.forEach((current, old) -> beans.put(old, beans.get(current)));
    }
    return beans;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static List<Resource> resources(String pattern) {
    try {
      return List.of(new PathMatchingResourcePatternResolver().getResources(pattern));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> beanNames(String... patterns) {
    List<String> names = new ArrayList<>();
    for (String pattern : patterns) {
      for (Resource model : resources(pattern)) {
        try {
          Matcher matcher = BEAN.matcher(model.getContentAsString(StandardCharsets.UTF_8));
          while (matcher.find()) {
            names.add(matcher.group(1));
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
