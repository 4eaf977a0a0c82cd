package org.codeorg.partnerships.pd;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Keys of the {@code professional-development} and {@code leadership-pd} processes. */
public final class ProfessionalDevelopmentProcess {

  public static final String PROCESS_KEY = "professional-development";
  public static final String LEADERSHIP_PROCESS_KEY = "leadership-pd";

  public static final String TASK_CONFIRM_COMMITMENT = "Task_ConfirmTeacherCommitment";
  public static final String TASK_DECIDE_MISSING_COMMITMENT = "Task_DecideMissingCommitment";
  public static final String TASK_WAIT_FOR_PHASE_REPORT = "Task_WaitForPhaseReport";
  public static final String TASK_DECIDE_MISSED_PHASE = "Task_DecideMissedPhase";
  public static final String TASK_RECORD_LEADERSHIP_ATTENDANCE = "Task_RecordLeadershipAttendance";

  /** The district's (or a liaison's) answer about a teacher's guarantee. */
  public static final String MESSAGE_COMMITMENT = "TeacherCommitmentReceived";
  /** A phase's outcome: attendance from a workshop, or completion reported by the online environment. */
  public static final String MESSAGE_PHASE_REPORTED = "PdPhaseReported";

  public static final String VAR_TEACHER_ID = "teacherId";
  public static final String VAR_SCHOOL_ID = "schoolId";
  public static final String VAR_TEACHER_COMMITMENT = "teacherCommitment";
  public static final String VAR_PHASE_NUMBER = "phaseNumber";
  public static final String VAR_PHASE_ATTENDED = "phaseAttended";
  public static final String VAR_PHASE_HOURS = "phaseHours";

  public static final String COMMITS = "COMMITS";
  public static final String CANNOT_COMMIT = "CANNOT_COMMIT";

  private ProfessionalDevelopmentProcess() {
  }

  public static Long teacherId(VariableScope scope) {
    return ((Number) scope.getVariable(VAR_TEACHER_ID)).longValue();
  }
}
