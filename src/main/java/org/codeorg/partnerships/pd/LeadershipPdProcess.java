package org.codeorg.partnerships.pd;

import java.util.Date;
import java.util.Map;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/leadership-pd.bpmn} (one high school's counselors and principals) and
 * its form {@code record-leadership-attendance}: the key, the element ids code refers to and the
 * typed variables. The model receives no message.
 */
public final class LeadershipPdProcess {

  public static final String PROCESS_KEY = "leadership-pd";

  public static final String TASK_RECORD_LEADERSHIP_ATTENDANCE = "Task_RecordLeadershipAttendance";

  // --- set by the lifecycle's call activity ---
  public static final ProcessVariable<Long> PARTNERSHIP_ID = ProfessionalDevelopmentProcess.PARTNERSHIP_ID;
  public static final ProcessVariable<Long> SCHOOL_ID = ProcessVariable.longValue("schoolId");

  // --- set by Task_EnrolSchoolLeaders ---
  /** The program's day: the attendance task's due date. */
  public static final ProcessVariable<Date> PROGRAM_DATE = ProcessVariable.date("programDate");
  /** The attendance checklist's options, one per enrolled leader (a Json variable, {@link AttendanceList#options}). */
  public static final ProcessVariable<Object> LEADER_OPTIONS = ProcessVariable.of("leaderOptions", Object.class);

  // --- the form record-leadership-attendance ---
  /** The leaders ticked as present: their ids, as the checklist submits them. */
  public static final ProcessVariable<Object> PRESENT_LEADERS = ProcessVariable.of("presentLeaders", Object.class);

  /**
   * Beans named apart from their element, and why: task listeners check or prepare a user task
   * and are named for what they do (one task may have several).
   */
  public static final Map<String, String> SHARED_DELEGATES = Map.of(
      "validateLeadershipAttendance", "task listener (complete) of " + TASK_RECORD_LEADERSHIP_ATTENDANCE);

  private LeadershipPdProcess() {
  }
}
