package org.codeorg.partnerships.workshop;

import java.util.Date;
import java.util.Map;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/pd-workshop.bpmn} (one in-person workshop) and its forms
 * {@code choose-facilitator}, {@code record-vendor-confirmation}, {@code record-session-attendance}
 * and {@code close-workshop}: the key, the element ids code refers to, the message and the typed
 * variables. The workshop reports to teachers through
 * {@link org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess#MESSAGE_PHASE_REPORTED}.
 */
public final class WorkshopProcess {

  public static final String PROCESS_KEY = "pd-workshop";

  /** Synchronous first step: turns the Tasklist start form into a workshop (nothing when the API started it). */
  public static final String TASK_RECORD_WORKSHOP = "Task_RecordWorkshop";

  public static final String TASK_CHOOSE_FACILITATOR = "Task_ChooseFacilitator";
  public static final String TASK_RECORD_VENDOR_CONFIRMATION = "Task_RecordVendorConfirmation";
  public static final String TASK_RECORD_ATTENDANCE = "Task_RecordSessionAttendance";
  public static final String TASK_CLOSE_WORKSHOP = "Task_CloseWorkshop";

  /** A PD manager cancelled the workshop: the event subprocess {@code SubProcess_WorkshopCancelled} ends the instance. */
  public static final String MESSAGE_CANCELLED = "WorkshopCancelled";
  public static final String TASK_SEND_CANCELLATIONS = "Task_SendCancellations";

  /** Staff changed the sessions' dates before the workshop started; carries the new timers. */
  public static final String MESSAGE_RESCHEDULED = "WorkshopRescheduled";

  // --- set when a PD manager schedules the workshop (business key: the reference) ---
  public static final ProcessVariable<Long> WORKSHOP_ID = ProcessVariable.longValue("workshopId");
  public static final ProcessVariable<String> WORKSHOP_REFERENCE = ProcessVariable.string("workshopReference");
  public static final ProcessVariable<String> WORKSHOP_TITLE = ProcessVariable.string("workshopTitle");
  /** User id of the PD manager who scheduled it: assignee of {@code Task_CloseWorkshop}. */
  public static final ProcessVariable<String> ORGANIZER = ProcessVariable.string("organizer");

  // --- the Tasklist start form "Schedule a workshop" (forms/schedule-workshop.form), removed once recorded ---
  /** {@code camunda:initiator} of the start event: the PD manager who submitted the start form. */
  public static final ProcessVariable<String> SCHEDULED_BY = ProcessVariable.string("workshopScheduledBy");
  /** Submitted as the enum constant's name (the form's select); read as text so that a bad value is a field error. */
  public static final ProcessVariable<org.codeorg.partnerships.partnership.Course> FORM_COURSE =
      ProcessVariable.enumeration("course", org.codeorg.partnerships.partnership.Course.class);
  public static final ProcessVariable<Long> FORM_PHASE = ProcessVariable.longValue("phase");
  public static final ProcessVariable<String> FORM_TITLE = ProcessVariable.string("title");
  public static final ProcessVariable<String> FORM_REGION = ProcessVariable.string("region");
  public static final ProcessVariable<String> FORM_LOCATION = ProcessVariable.string("location");
  public static final ProcessVariable<String> FORM_TIME_ZONE = ProcessVariable.string("timeZone");
  public static final ProcessVariable<Long> FORM_CAPACITY = ProcessVariable.longValue("capacity");
  /** Sessions 1 to {@value #FORM_SESSIONS}: {@code session1Date} (yyyy-MM-dd), {@code session1Starts} and {@code session1Ends} (HH:mm). */
  public static final int FORM_SESSIONS = 5;

  // --- timers, set at scheduling and by MESSAGE_RESCHEDULED ---
  public static final ProcessVariable<Date> REMINDER_TEN_DAYS_AT = ProcessVariable.date("reminderTenDaysAt");
  public static final ProcessVariable<Date> REMINDER_THREE_DAYS_AT = ProcessVariable.date("reminderThreeDaysAt");
  public static final ProcessVariable<Date> FIRST_SESSION_AT = ProcessVariable.date("firstSessionAt");
  /**
   * What a task card shows of the first session: local time with the zone's abbreviation ("Mon Jul
   * 12, 2027 9:00 AM PDT"), set with the timers and copied to each task
   * ({@code lifecycle.PartnershipTaskContext#CARD_VARIABLES}); a reschedule updates the open tasks' copies.
   */
  public static final ProcessVariable<String> FIRST_SESSION_LOCAL = ProcessVariable.string("firstSessionLocal");
  /** Due date of {@code Task_CloseWorkshop} and its reminder timer: 2 days after the last session. */
  public static final ProcessVariable<Date> CLOSE_REMINDER_AT = ProcessVariable.date("closeReminderAt");
  /** Cardinality of the attendance tasks: one per session. */
  public static final ProcessVariable<Integer> SESSION_COUNT = ProcessVariable.integer("sessionCount");

  // --- facilitator ---
  /** User id of the facilitator: assignee of the attendance tasks; also the field of {@code choose-facilitator}. */
  public static final ProcessVariable<String> FACILITATOR = ProcessVariable.string("facilitator");
  /**
   * Read by {@code Gateway_FacilitatorFound}: someone qualified was assigned. Instances of version
   * 0.1 compare {@link #FACILITATOR} with null instead; it is set for them as before.
   */
  public static final ProcessVariable<Boolean> FACILITATOR_FOUND = ProcessVariable.bool("facilitatorFound");
  public static final ProcessVariable<String> VENDOR_CONFIRMATION = ProcessVariable.string("vendorConfirmation");
  public static final ProcessVariable<Integer> ENROLLED_COUNT = ProcessVariable.integer("enrolledCount");

  // --- one attendance task per session (local to the task) ---
  /** The engine's counter of the multi-instance attendance task, from 0. */
  public static final ProcessVariable<Integer> LOOP_COUNTER = ProcessVariable.integer("loopCounter");
  public static final ProcessVariable<Integer> SESSION_NUMBER = ProcessVariable.integer("sessionNumber");
  /** The checklist's options, one per enrolled teacher (a Json variable, {@code pd.AttendanceList#options}). */
  public static final ProcessVariable<Object> ATTENDANCE_OPTIONS = ProcessVariable.of("attendanceOptions", Object.class);
  /** The teachers ticked as present: their ids, as the checklist submits them. */
  public static final ProcessVariable<Object> PRESENT_TEACHERS = ProcessVariable.of("presentTeachers", Object.class);

  // --- closing ---
  /** The organizer's tick in {@code close-workshop}. */
  public static final ProcessVariable<Boolean> ATTENDANCE_CONFIRMED = ProcessVariable.bool("attendanceConfirmed");
  /** How many teachers' PD instances took the workshop's report. */
  public static final ProcessVariable<Integer> ATTENDANCE_REPORTED = ProcessVariable.integer("attendanceReported");
  public static final ProcessVariable<Integer> EXIT_SURVEYS_SENT = ProcessVariable.integer("exitSurveysSent");

  /**
   * Beans named apart from their element, and why: task listeners check or prepare a user task
   * and are named for what they do (one task may have several).
   */
  public static final Map<String, String> SHARED_DELEGATES = Map.of(
      "validateFacilitatorChoice", "task listener (complete) of " + TASK_CHOOSE_FACILITATOR,
      "prepareAttendanceTask", "task listener (create) of " + TASK_RECORD_ATTENDANCE,
      "recordSessionAttendance", "task listener (complete) of " + TASK_RECORD_ATTENDANCE);

  /**
   * Former bean names, kept as aliases because versions of the model deployed before the beans
   * took their elements' names still name them: current name → former name.
   */
  public static final Map<String, String> FORMER_BEAN_NAMES = Map.of(
      "assignFacilitator", "assignWorkshopFacilitator",
      "orderMaterialsAndMeals", "orderWorkshopMaterials",
      "storeVendorConfirmation", "recordVendorConfirmation",
      "notifyNewDates", "notifyNewWorkshopDates",
      "reportWorkshopAttendance", "closeWorkshop");

  private WorkshopProcess() {
  }
}
