package org.codeorg.partnerships.workshop;

import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.pd.AttendanceList;
import org.codeorg.partnerships.pd.LeadershipPdProcess;
import org.codeorg.partnerships.pd.LeadershipPdSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attendance tasks opened before the attendance checklist existed have no options variable
 * ({@code attendanceOptions} of a workshop session, {@code leaderOptions} of a school's leadership
 * PD): their form shows an empty checklist and their completion is refused, because the complete
 * listeners check every ticked id against the options. At start-up every such open task gets the
 * variable where the current model's step would have put it (a session task's local variable, the
 * leadership instance's variable), from the people enrolled now. Idempotent: a task that has the
 * variable is left alone, so a restart or a second node changes nothing.
 */
@Component
public class AttendanceOptionsBackfill {

  private static final Logger log = LoggerFactory.getLogger(AttendanceOptionsBackfill.class);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WorkshopEnrolment enrolment;
  private final LeadershipPdSteps leadership;
  private final WorkshopRepository workshops;
  private final TransactionTemplate readOnly;

  public AttendanceOptionsBackfill(TaskService taskService, RuntimeService runtimeService, WorkshopEnrolment enrolment,
      LeadershipPdSteps leadership, WorkshopRepository workshops, PlatformTransactionManager transactions) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.enrolment = enrolment;
    this.leadership = leadership;
    this.workshops = workshops;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** After the engine and the deployments are up; logs how many tasks got their options. */
  @Order(10)
  @EventListener(ApplicationReadyEvent.class)
  public void onStartup() {
    int sessions = backfillSessions(WorkshopProcess.PROCESS_KEY);
    int leaders = backfillLeadership();
    int cards = backfillFirstSessionLocal(WorkshopProcess.PROCESS_KEY);
    if (sessions + leaders + cards > 0) {
      log.info("Attendance tasks opened before this version completed: {} session checklist(s), {} leadership "
          + "checklist(s), {} card(s) given the first session in local time", sessions, leaders, cards);
    }
  }

  /**
   * The session attendance tasks of {@code processKey} without {@code firstSessionLocal} (opened
   * before task cards showed local time) get it from the workshop's row, as the task's create
   * listener does, so their Tasklist card shows "First session" in the workshop's zone.
   *
   * @return how many tasks got it
   */
  int backfillFirstSessionLocal(String processKey) {
    return backfill(processKey, WorkshopProcess.TASK_RECORD_ATTENDANCE, WorkshopProcess.FIRST_SESSION_LOCAL.name(),
        // The sessions are a lazy collection: read inside a transaction.
        task -> readOnly.execute(status -> WorkshopScheduling.firstSessionLocal(workshops.require(
            (Long) runtimeService.getVariable(task.getExecutionId(), WorkshopProcess.WORKSHOP_ID.name())))),
        (task, text) -> taskService.setVariableLocal(task.getId(), WorkshopProcess.FIRST_SESSION_LOCAL.name(), text));
  }

  /**
   * The session attendance tasks ({@value WorkshopProcess#TASK_RECORD_ATTENDANCE}) of the process
   * {@code processKey} without {@code attendanceOptions} get them as a task-local variable, as the
   * task's create listener does.
   *
   * @return how many tasks got their options
   */
  int backfillSessions(String processKey) {
    return backfill(processKey, WorkshopProcess.TASK_RECORD_ATTENDANCE, WorkshopProcess.ATTENDANCE_OPTIONS.name(),
        task -> AttendanceList.options(enrolment.attendanceLabels(
            (Long) runtimeService.getVariable(task.getExecutionId(), WorkshopProcess.WORKSHOP_ID.name()))),
        (task, options) -> taskService.setVariableLocal(task.getId(), WorkshopProcess.ATTENDANCE_OPTIONS.name(), options));
  }

  /** @return how many leadership attendance tasks got {@code leaderOptions} on their instance */
  int backfillLeadership() {
    return backfill(LeadershipPdProcess.PROCESS_KEY, LeadershipPdProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE,
        LeadershipPdProcess.LEADER_OPTIONS.name(),
        task -> AttendanceList.options(leadership.attendanceLabels(
            (Long) runtimeService.getVariable(task.getProcessInstanceId(), LeadershipPdProcess.PARTNERSHIP_ID.name()),
            (Long) runtimeService.getVariable(task.getProcessInstanceId(), LeadershipPdProcess.SCHOOL_ID.name()))),
        (task, options) -> runtimeService.setVariable(task.getProcessInstanceId(),
            LeadershipPdProcess.LEADER_OPTIONS.name(), options));
  }

  private <T> int backfill(String processKey, String taskKey, String variable, Function<Task, T> value,
      java.util.function.BiConsumer<Task, T> write) {
    int filled = 0;
    for (Task task : taskService.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).list()) {
      if (taskService.getVariable(task.getId(), variable) != null) {
        continue;
      }
      try {
        write.accept(task, value.apply(task));
        filled++;
      } catch (RuntimeException failed) {
        // One broken instance (its workshop or school gone) must not stop the start-up or the others.
        log.warn("Attendance task {} of process instance {}: {} not filled in: {}", task.getId(),
            task.getProcessInstanceId(), variable, failed.toString());
      }
    }
    return filled;
  }
}
