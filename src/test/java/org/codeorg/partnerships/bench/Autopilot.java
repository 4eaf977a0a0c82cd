package org.codeorg.partnerships.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a batch of partnerships through the whole lifecycle on any engine that holds the
 * project's BPMN models, the same way for the application and for the bare engine: due jobs
 * are executed by hand, every open user task is completed through {@code TaskService} with a
 * staff member's answer, every message the batch waits for is answered by the {@link World}
 * (the district, the online PD environment), teachers waiting for a workshop get one scheduled
 * 30 days ahead, and when nothing is left to do now the clock moves to the next timer.
 */
final class Autopilot {

  /** What differs between the application and the bare engine: who answers, and how. */
  interface World {

    ProcessEngine engine();

    /** Applies for partnership number {@code n} in {@code schoolYear}; @return its reference (every instance's business key) */
    String apply(int n, String schoolYear);

    /** The district (or the online PD environment) answers what an instance of the partnership waits for. */
    void answer(Waiting waiting);

    /** A PD manager schedules a workshop for the waiting teachers; @return the workshop's business key */
    String scheduleWorkshop(String course, int phase, List<Waiting> teachers, Instant firstSession);

    String courseOf(long teacherId);
  }

  /** A message an instance of the batch waits for, with the variables that say whose it is. */
  record Waiting(String message, String processInstanceId, String reference, Map<String, Object> variables) {

    long teacherId() {
      return ((Number) variables.get("teacherId")).longValue();
    }

    int phaseNumber() {
      return ((Number) variables.get("phaseNumber")).intValue();
    }

    long sectionId() {
      return ((Number) variables.get("sectionId")).longValue();
    }

    boolean online() {
      return "ONLINE".equals(variables.get("phaseDelivery"));
    }
  }

  private static final List<String> KEYS = List.of("partnershipReference", "teacherId", "phaseNumber", "phaseDelivery",
      "sectionId");
  private static final Set<String> NOT_ANSWERED = Set.of("WorkshopRescheduled");
  /**
   * The staff tasks of the happy path. The liaison's stand-in tasks (a teacher's guarantee, a
   * section's set-up, the evaluation data) stay open: the district answers them by message.
   */
  private static final String[] STAFF_TASKS = {"Task_ReviewApplication", "Task_RecordSignedAgreement", "Task_ReviewPlan",
      "Task_ChooseElementaryPdPath", "Task_ChooseFacilitator", "Task_RecordVendorConfirmation",
      "Task_RecordSessionAttendance", "Task_CloseWorkshop", "Task_RecordLeadershipAttendance", "Task_AssessProgram",
      "Task_DecideCloseOrRenew"};

  private final World world;
  private final ProcessEngine engine;
  private final Set<String> businessKeys = new HashSet<>();
  private final Set<String> references = new HashSet<>();
  private final Set<String> lifecycles = new HashSet<>();
  private final Set<String> covered = new HashSet<>();
  private int workshops;
  private Instant horizon;

  Autopilot(World world) {
    this.world = world;
    this.engine = world.engine();
  }

  /** Applies for and drives {@code count} partnerships from {@code start} until every lifecycle has ended. */
  void run(int firstNumber, int count, Instant start, String schoolYear) {
    ClockUtil.setCurrentTime(Date.from(start));
    horizon = start.plus(Duration.ofDays(1000));   // later timers belong to other partnerships in the database
    for (int n = firstNumber; n < firstNumber + count; n++) {
      String reference = world.apply(n, schoolYear);
      references.add(reference);
      businessKeys.add(reference);
      lifecycles.add(SqlCounter.driver(() -> engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(reference).processDefinitionKey("partnership-lifecycle").singleResult().getId()));
    }
    for (int round = 0; round < 100_000; round++) {
      boolean progressed = runDueJobs() | completeTasks() | answerWaits();
      if (!progressed) {
        progressed = scheduleWorkshops();
      }
      if (!progressed) {
        if (SqlCounter.driver(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(lifecycles)
            .count()) == 0) {
          return;
        }
        SqlCounter.driver(this::travelToNextTimer);
      }
    }
    throw new IllegalStateException("The batch did not finish");
  }

  int workshops() {
    return workshops;
  }

  private boolean runDueJobs() {
    boolean ran = false;
    while (true) {
      List<Job> due = SqlCounter.driver(() -> engine.getManagementService().createJobQuery().executable().active()
          .listPage(0, 200));
      due.removeIf(job -> job.getProcessInstanceId() == null);   // engine housekeeping (history clean-up) is not the batch's
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (ProcessEngineException e) {
          if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
            throw new IllegalStateException("Job " + job.getId() + " of " + job.getProcessDefinitionKey() + " failed", e);
          }
          // an earlier job of this round removed it (an interrupting event ended its scope)
        }
      }
      ran = true;
    }
  }

  private boolean completeTasks() {
    boolean completed = false;
    while (true) {
      List<Task> open = SqlCounter.driver(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(
          businessKeys.toArray(String[]::new)).taskDefinitionKeyIn(STAFF_TASKS).active().listPage(0, 200));
      if (open.isEmpty()) {
        return completed;
      }
      for (Task task : open) {
        engine.getTaskService().setAssignee(task.getId(), "benchstaff");
        engine.getTaskService().complete(task.getId(), answer(task.getTaskDefinitionKey(), task.getId()));
      }
      completed = true;
    }
  }

  /** What the staff member answers in each form; the lifecycle's happy path. */
  private Map<String, Object> answer(String taskKey, String taskId) {
    return switch (taskKey) {
      case "Task_ReviewApplication" -> Map.of("reviewDecision", "ACCEPT");
      case "Task_RecordSignedAgreement" -> Map.of("signatoryName", "Dr. Ada Lovelace, Superintendent",
          "agreementSignedOn", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString());
      case "Task_ReviewPlan" -> Map.of("planDecision", "APPROVE");
      case "Task_ChooseElementaryPdPath" -> Map.of("elementaryPdPath", "REGIONAL_AFFILIATE");
      case "Task_ChooseFacilitator" -> Map.of("facilitator", "benchfacilitator");
      case "Task_RecordVendorConfirmation" -> Map.of("vendorConfirmation", "CATER-42");
      case "Task_RecordSessionAttendance" -> everyone(taskId, "attendanceOptions", "presentTeachers");
      case "Task_CloseWorkshop" -> Map.of("attendanceConfirmed", true);
      case "Task_RecordLeadershipAttendance" -> everyone(taskId, "leaderOptions", "presentLeaders");
      case "Task_AssessProgram" -> Map.of("pdAssessment", "Every teacher completed PD.", "studentOutcomes",
          "Most students completed their course.", "conclusions", "Renew.", "evaluationRecommendation", "RENEW");
      case "Task_DecideCloseOrRenew" -> Map.of("closeDecision", "CLOSE");  // a renewal would start a second lifecycle per partnership and change what is measured
      default -> throw new IllegalStateException("The happy path does not expect task " + taskKey);
    };
  }

  /** Every option of the task's attendance checklist ticked, as Tasklist submits it (a Json variable). */
  private Map<String, Object> everyone(String taskId, String options, String key) {
    var values = new java.util.ArrayList<String>();
    try {
      new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(String.valueOf(engine.getTaskService().getVariable(taskId, options)))
          .forEach(option -> values.add(option.get("value").asText()));
      return Map.of(key, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values)).create());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean answerWaits() {
    boolean answered = false;
    for (Waiting waiting : waits()) {
      if (!waiting.message().equals("PdPhaseReported") || waiting.online()) {
        world.answer(waiting);
        answered = true;
      }
    }
    return answered;
  }

  /** Teachers waiting for a workshop phase, grouped by course and phase, get one workshop per group. */
  private boolean scheduleWorkshops() {
    Map<String, List<Waiting>> groups = new LinkedHashMap<>();
    for (Waiting waiting : waits()) {
      if (waiting.message().equals("PdPhaseReported") && !waiting.online()
          && covered.add(waiting.processInstanceId() + ":" + waiting.phaseNumber())) {
        groups.computeIfAbsent(world.courseOf(waiting.teacherId()) + ":" + waiting.phaseNumber(), k -> new ArrayList<>())
            .add(waiting);
      }
    }
    Instant firstSession = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30));
    groups.forEach((group, teachers) -> {
      String[] parts = group.split(":");
      businessKeys.add(world.scheduleWorkshop(parts[0], Integer.parseInt(parts[1]), teachers, firstSession));
      workshops++;
    });
    return !groups.isEmpty();
  }

  private List<Waiting> waits() {
    return SqlCounter.driver(this::lookUpWaits);
  }

  private List<Waiting> lookUpWaits() {
    List<Waiting> waits = new ArrayList<>();
    for (EventSubscription subscription : engine.getRuntimeService().createEventSubscriptionQuery().eventType("message")
        .list()) {
      // A message start event (the lifecycle's RenewalRequested) subscribes without an execution: nothing waits there.
      if (NOT_ANSWERED.contains(subscription.getEventName()) || subscription.getExecutionId() == null) {
        continue;
      }
      Map<String, Object> variables = engine.getRuntimeService().getVariables(subscription.getExecutionId(), KEYS);
      String reference = (String) variables.get("partnershipReference");
      if (references.contains(reference)) {
        waits.add(new Waiting(subscription.getEventName(), subscription.getProcessInstanceId(), reference, variables));
      }
    }
    return waits;
  }

  private Date travelToNextTimer() {
    Date now = ClockUtil.getCurrentTime();
    for (Job timer : engine.getManagementService().createJobQuery().timers().active().duedateHigherThan(now)
        .orderByJobDuedate().asc().listPage(0, 50)) {
      if (timer.getProcessInstanceId() != null && timer.getDuedate().toInstant().isBefore(horizon)) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        return timer.getDuedate();
      }
    }
    throw new IllegalStateException("The batch waits for nothing the autopilot can give: "
        + engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(lifecycles).list());
  }
}
