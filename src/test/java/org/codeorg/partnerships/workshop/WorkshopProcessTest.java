package org.codeorg.partnerships.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;

import org.junit.jupiter.api.BeforeEach;
import org.codeorg.partnerships.support.ModelTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workshop model on its own: facilitator (found or chosen), vendor confirmation, reminders at
 * exactly 10 and 3 days before the first session, new dates moving them, one attendance task per
 * session, the close reminder 2 days after the last session, then reporting and exit surveys.
 */
@Deployment(resources = {"bpmn/pd-workshop.bpmn", "forms/schedule-workshop.form", "forms/choose-facilitator.form",
    "forms/record-vendor-confirmation.form", "forms/record-session-attendance.form", "forms/close-workshop.form"})
class WorkshopProcessTest {

  @RegisterExtension
  static ModelTestEngine engine = new ModelTestEngine();

  private static final Instant SCHEDULED_AT = Instant.parse("2027-06-01T09:00:00Z");
  private static final Instant FIRST_SESSION = Instant.parse("2027-07-12T16:00:00Z");
  private static final int SESSIONS = 3;

  private final List<String> calls = new ArrayList<>();
  private String facilitatorFound;

  @BeforeEach
  void standIns() {
    ClockUtil.setCurrentTime(Date.from(SCHEDULED_AT));
    facilitatorFound = "facilitator";
    Mocks.register("assignFacilitator", (JavaDelegate) execution -> {
      WorkshopProcess.FACILITATOR.set(execution, facilitatorFound);
      WorkshopProcess.FACILITATOR_FOUND.set(execution, facilitatorFound != null);
    });
    Mocks.register("validateFacilitatorChoice", (TaskListener) task -> calls.add("validateFacilitatorChoice"));
    Mocks.register("prepareAttendanceTask", (TaskListener) task ->
        WorkshopProcess.SESSION_NUMBER.setLocal(task, WorkshopProcess.LOOP_COUNTER.require(task) + 1));
    Mocks.register("recordSessionAttendance", (TaskListener) task ->
        calls.add("attendance#" + WorkshopProcess.SESSION_NUMBER.require(task)));
    for (String name : List.of("recordWorkshop", "sendCancellations", "recordChosenFacilitator", "orderMaterialsAndMeals", "storeVendorConfirmation",
        "enrolWorkshopTeachers", "sendTenDayReminders", "sendThreeDayReminders", "notifyNewDates",
        "remindOrganizerToClose", "reportWorkshopAttendance", "sendExitSurveys")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
  }

  @Test
  void aWorkshopRunsFromFacilitatorToExitSurveysWithRemindersAtExactly10And3Days() {
    ProcessInstance instance = schedule(FIRST_SESSION);
    assertThat(instance).isWaitingAtExactly(WorkshopProcess.TASK_RECORD_VENDOR_CONFIRMATION)
        .hasPassed("Gateway_FacilitatorMerge").hasNotPassed(WorkshopProcess.TASK_CHOOSE_FACILITATOR);
    assertThat(task(instance)).hasCandidateGroup("pd-managers");
    complete(task(instance), WorkshopProcess.VENDOR_CONFIRMATION.with("CATER-1"));
    runJobsDueAt(SCHEDULED_AT);

    assertThat(timerDue("Timer_TenDaysBefore")).isEqualTo(FIRST_SESSION.minus(Duration.ofDays(10)));
    runJobsDueAt(FIRST_SESSION.minus(Duration.ofDays(10)));
    assertThat(timerDue("Timer_ThreeDaysBefore")).isEqualTo(FIRST_SESSION.minus(Duration.ofDays(3)));
    runJobsDueAt(FIRST_SESSION.minus(Duration.ofDays(3)));
    assertThat(timerDue("Timer_WorkshopStarts")).isEqualTo(FIRST_SESSION);
    runJobsDueAt(FIRST_SESSION);

    for (int session = 1; session <= SESSIONS; session++) {
      assertThat(instance).isWaitingAt(WorkshopProcess.TASK_RECORD_ATTENDANCE);
      assertThat(task(instance)).isAssignedTo("facilitator");
      complete(task(instance), Map.of(WorkshopProcess.PRESENT_TEACHERS.name(), SpinValues.jsonValue("[]").create()));
    }
    assertThat(instance).isWaitingAtExactly(WorkshopProcess.TASK_CLOSE_WORKSHOP);
    assertThat(task(instance)).isAssignedTo("pdmanager");

    Instant lastSessionEnd = FIRST_SESSION.plus(Duration.ofDays(SESSIONS - 1L)).plus(Duration.ofHours(7));
    assertThat(timerDue("Boundary_CloseReminder")).isEqualTo(lastSessionEnd.plus(Duration.ofDays(2)));
    runJobsDueAt(lastSessionEnd.plus(Duration.ofDays(2)));
    assertThat(instance).isWaitingAtExactly(WorkshopProcess.TASK_CLOSE_WORKSHOP).hasPassed("EndEvent_OrganizerReminded");

    complete(task(instance), WorkshopProcess.ATTENDANCE_CONFIRMED.with(true));
    runJobsDueAt(lastSessionEnd.plus(Duration.ofDays(2)));
    assertThat(instance).isEnded().hasPassed("Task_ReportWorkshopAttendance", "Task_SendExitSurveys",
        "EndEvent_WorkshopClosed");
    assertThat(calls).containsSubsequence("orderMaterialsAndMeals", "storeVendorConfirmation",
        "enrolWorkshopTeachers", "sendTenDayReminders", "sendThreeDayReminders", "attendance#1", "attendance#2",
        "attendance#3", "remindOrganizerToClose", "reportWorkshopAttendance", "sendExitSurveys");
  }

  @Test
  void withoutAQualifiedFacilitatorAPdManagerChoosesOne() {
    facilitatorFound = null;
    ProcessInstance instance = schedule(FIRST_SESSION);
    assertThat(instance).isWaitingAtExactly(WorkshopProcess.TASK_CHOOSE_FACILITATOR);
    complete(task(instance), WorkshopProcess.FACILITATOR.with("facilitator"));
    runJobsDueAt(SCHEDULED_AT);
    assertThat(instance).isWaitingAtExactly(WorkshopProcess.TASK_RECORD_VENDOR_CONFIRMATION);
    assertThat(calls).containsSubsequence("validateFacilitatorChoice", "recordChosenFacilitator", "orderMaterialsAndMeals");
  }

  @Test
  void newDatesNotifyTheEnrolledAndMoveTheReminders() {
    ProcessInstance instance = schedule(FIRST_SESSION);
    complete(task(instance), WorkshopProcess.VENDOR_CONFIRMATION.with("CATER-1"));
    runJobsDueAt(SCHEDULED_AT);
    Instant moved = FIRST_SESSION.plus(Duration.ofDays(14));

    runtimeService().createMessageCorrelation(WorkshopProcess.MESSAGE_RESCHEDULED).processInstanceBusinessKey("WS-00001")
        .setVariables(timers(moved)).correlate();
    runJobsDueAt(SCHEDULED_AT);

    assertThat(instance).hasPassed("Boundary_WorkshopRescheduled", "Task_NotifyNewDates");
    assertThat(timerDue("Timer_TenDaysBefore")).isEqualTo(moved.minus(Duration.ofDays(10)));
    assertThat(calls).containsOnlyOnce("notifyNewDates");
  }

  @Test
  void aCancelledWorkshopSendsItsCancellationsAndEndsWhereverItWaits() {
    ProcessInstance instance = schedule(FIRST_SESSION);
    complete(task(instance), WorkshopProcess.VENDOR_CONFIRMATION.with("CATER-1"));
    runJobsDueAt(SCHEDULED_AT);
    assertThat(instance).isWaitingAt("Timer_TenDaysBefore");

    runtimeService().createMessageCorrelation(WorkshopProcess.MESSAGE_CANCELLED).processInstanceBusinessKey("WS-00001")
        .correlate();
    assertThat(instance).isWaitingAt(WorkshopProcess.TASK_SEND_CANCELLATIONS);
    runJobsDueAt(SCHEDULED_AT);

    assertThat(instance).isEnded().hasPassed("StartEvent_WorkshopCancelled", "EndEvent_WorkshopCancelled")
        .hasNotPassed("Task_SendTenDayReminders");
    assertThat(managementService().createJobQuery().count()).as("reminder timers removed").isZero();
    assertThat(calls).containsOnlyOnce("sendCancellations");
  }

  /**
   * US daylight-saving time ends on Sunday 7 November 2027: a Sacramento workshop on Monday 8
   * November at 9:00 AM PST (17:00 UTC) is reminded on Friday 5 November and on 29 October at
   * 9:00 AM PDT (16:00 UTC), the same local time of day, not 240 or 72 hours before.
   */
  @Test
  void remindersKeepTheirLocalTimeAcrossTheNovemberChange() {
    remindersFireAtNineInSacramento(Instant.parse("2027-11-08T17:00:00Z"), Instant.parse("2027-10-29T16:00:00Z"),
        Instant.parse("2027-11-05T16:00:00Z"));
  }

  /**
   * It starts on Sunday 12 March 2028: a workshop on Monday 13 March at 9:00 AM PDT (16:00 UTC)
   * is reminded on 3 March and Friday 10 March at 9:00 AM PST (17:00 UTC).
   */
  @Test
  void remindersKeepTheirLocalTimeAcrossTheMarchChange() {
    remindersFireAtNineInSacramento(Instant.parse("2028-03-13T16:00:00Z"), Instant.parse("2028-03-03T17:00:00Z"),
        Instant.parse("2028-03-10T17:00:00Z"));
  }

  private void remindersFireAtNineInSacramento(Instant firstSession, Instant tenDaysBefore, Instant threeDaysBefore) {
    java.time.ZoneId sacramento = java.time.ZoneId.of("America/Los_Angeles");
    List<SessionTimes> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      Instant start = firstSession.plus(Duration.ofDays(i));
      sessions.add(new SessionTimes(start, start.plus(Duration.ofHours(7))));
    }
    Workshop workshop = new Workshop("WS-00001", org.codeorg.partnerships.partnership.Course.CSP, 1, "CSP", "CA",
        "Sacramento", 30, sacramento, "pdmanager", sessions, SCHEDULED_AT);
    ClockUtil.setCurrentTime(Date.from(firstSession.minus(Duration.ofDays(40))));
    Map<String, Object> variables = new HashMap<>(WorkshopScheduling.timers(workshop));
    WorkshopProcess.WORKSHOP_ID.putIn(variables, 1L);
    WorkshopProcess.ORGANIZER.putIn(variables, "pdmanager");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkshopProcess.PROCESS_KEY, "WS-00001", variables);
    runJobsDueAt(firstSession.minus(Duration.ofDays(40)));
    complete(task(instance), WorkshopProcess.VENDOR_CONFIRMATION.with("CATER-1"));
    runJobsDueAt(firstSession.minus(Duration.ofDays(40)));

    assertThat(timerDue("Timer_TenDaysBefore")).isEqualTo(tenDaysBefore);
    assertThat(tenDaysBefore.atZone(sacramento).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
    runJobsDueAt(tenDaysBefore.minusSeconds(1));
    assertThat(calls).doesNotContain("sendTenDayReminders");
    runJobsDueAt(tenDaysBefore);
    assertThat(calls).contains("sendTenDayReminders");

    assertThat(timerDue("Timer_ThreeDaysBefore")).isEqualTo(threeDaysBefore);
    assertThat(threeDaysBefore.atZone(sacramento).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
    assertThat(threeDaysBefore.atZone(sacramento).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
    runJobsDueAt(threeDaysBefore.minusSeconds(1));
    assertThat(calls).doesNotContain("sendThreeDayReminders");
    runJobsDueAt(threeDaysBefore);
    assertThat(calls).contains("sendThreeDayReminders");
    assertThat(timerDue("Timer_WorkshopStarts")).isEqualTo(firstSession);
  }

  private ProcessInstance schedule(Instant firstSession) {
    Map<String, Object> variables = new HashMap<>(timers(firstSession));
    WorkshopProcess.WORKSHOP_ID.putIn(variables, 1L);
    WorkshopProcess.ORGANIZER.putIn(variables, "pdmanager");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkshopProcess.PROCESS_KEY, "WS-00001", variables);
    runJobsDueAt(SCHEDULED_AT);
    return instance;
  }

  /** The variables WorkshopScheduling sets, for a workshop of 3 sessions of 7 hours on consecutive days. */
  private static Map<String, Object> timers(Instant firstSession) {
    Instant lastEnd = firstSession.plus(Duration.ofDays(SESSIONS - 1L)).plus(Duration.ofHours(7));
    Map<String, Object> timers = new HashMap<>();
    WorkshopProcess.REMINDER_TEN_DAYS_AT.putIn(timers, Date.from(firstSession.minus(Duration.ofDays(10))));
    WorkshopProcess.REMINDER_THREE_DAYS_AT.putIn(timers, Date.from(firstSession.minus(Duration.ofDays(3))));
    WorkshopProcess.FIRST_SESSION_AT.putIn(timers, Date.from(firstSession));
    WorkshopProcess.CLOSE_REMINDER_AT.putIn(timers, Date.from(lastEnd.plus(Duration.ofDays(2))));
    return WorkshopProcess.SESSION_COUNT.putIn(timers, SESSIONS);
  }

  private Instant timerDue(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult().getDuedate().toInstant();
  }

  private void runJobsDueAt(Instant instant) {
    engine.travelTo(instant);
    engine.runDueJobs();
  }
}
