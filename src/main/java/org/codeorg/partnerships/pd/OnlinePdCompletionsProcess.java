package org.codeorg.partnerships.pd;


import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.Course;

/**
 * Contract of {@code bpmn/online-pd-completions.bpmn}: a PD manager reports online phases completed
 * — one teacher's, or the CSV export of the online PD environment — from Tasklist's "Start process".
 */
public final class OnlinePdCompletionsProcess {

  public static final String PROCESS_KEY = "online-pd-completions";
  public static final String TASK_APPLY_ONLINE_COMPLETIONS = "Task_ApplyOnlineCompletions";
  public static final String TASK_REVIEW_APPLIED_COMPLETIONS = "Task_ReviewAppliedCompletions";

  /** What the start form reports: one teacher's phase or a CSV export. */
  public enum ReportKind {
    ONE, CSV
  }

  // --- the start form report-online-completions ---
  public static final ProcessVariable<ReportKind> REPORT_KIND = ProcessVariable.enumeration("reportKind", ReportKind.class);
  public static final ProcessVariable<String> TEACHER_EMAIL = ProcessVariable.string("teacherEmail");
  public static final ProcessVariable<Course> COURSE = ProcessVariable.enumeration("course", Course.class);
  public static final ProcessVariable<Object> PHASE = ProcessVariable.of("completedPhase", Object.class);
  public static final ProcessVariable<Object> COMPLETED_ON = ProcessVariable.of("completedOn", Object.class);
  public static final ProcessVariable<Object> HOURS = ProcessVariable.of("completedHours", Object.class);
  /** The pasted CSV: header {@code teacher email,course,phase,completed on,hours}. */
  public static final ProcessVariable<String> COMPLETIONS_CSV = ProcessVariable.string("completionsCsv");
  /** The start form's initiator, who reviews the result. */
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.string("reportedBy");

  // --- set by Task_ApplyOnlineCompletions ---
  /** One line per completion applied, as the review form shows it. */
  public static final ProcessVariable<String> COMPLETIONS_REPORT = ProcessVariable.string("completionsReport");
  public static final ProcessVariable<Integer> COMPLETIONS_APPLIED = ProcessVariable.integer("completionsApplied");

  private OnlinePdCompletionsProcess() {
  }

}
