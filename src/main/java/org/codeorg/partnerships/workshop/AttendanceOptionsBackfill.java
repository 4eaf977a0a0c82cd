package org.codeorg.partnerships.workshop;

import java.util.Map;
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

  public AttendanceOptionsBackfill(TaskService taskService, RuntimeService runtimeService, WorkshopEnrolment enrolment,
      LeadershipPdSteps leadership) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.enrolment = enrolment;
    this.leadership = leadership;
  }

  /** After the engine and the deployments are up; logs how many tasks got their options. */
  @Order(10)
  @EventListener(ApplicationReadyEvent.class)
  public void onStartup() {
    int sessions = backfillSessions(WorkshopProcess.PROCESS_KEY);
    int leaders = backfillLeadership();
    if (sessions + leaders > 0) {
      log.info("Attendance checklists filled in for tasks opened before them: {} session task(s), {} leadership task(s)",
          sessions, leaders);
    }
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
        task -> enrolment.attendanceLabels(
            (Long) runtimeService.getVariable(task.getExecutionId(), WorkshopProcess.WORKSHOP_ID.name())),
        (task, options) -> taskService.setVariableLocal(task.getId(), WorkshopProcess.ATTENDANCE_OPTIONS.name(), options));
  }

  /** @return how many leadership attendance tasks got {@code leaderOptions} on their instance */
  int backfillLeadership() {
    return backfill(LeadershipPdProcess.PROCESS_KEY, LeadershipPdProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE,
        LeadershipPdProcess.LEADER_OPTIONS.name(),
        task -> leadership.attendanceLabels(
            (Long) runtimeService.getVariable(task.getProcessInstanceId(), LeadershipPdProcess.PARTNERSHIP_ID.name()),
            (Long) runtimeService.getVariable(task.getProcessInstanceId(), LeadershipPdProcess.SCHOOL_ID.name())),
        (task, options) -> runtimeService.setVariable(task.getProcessInstanceId(),
            LeadershipPdProcess.LEADER_OPTIONS.name(), options));
  }

  private int backfill(String processKey, String taskKey, String variable, Function<Task, Map<Long, String>> labels,
      java.util.function.BiConsumer<Task, Object> write) {
    int filled = 0;
    for (Task task : taskService.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).list()) {
      if (taskService.getVariable(task.getId(), variable) != null) {
        continue;
      }
      try {
        write.accept(task, AttendanceList.options(labels.apply(task)));
        filled++;
      } catch (RuntimeException failed) {
        // One broken instance (its workshop or school gone) must not stop the start-up or the others.
        log.warn("Attendance task {} of process instance {}: checklist not filled in: {}", task.getId(),
            task.getProcessInstanceId(), failed.toString());
      }
    }
    return filled;
  }
}
