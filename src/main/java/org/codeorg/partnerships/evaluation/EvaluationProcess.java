package org.codeorg.partnerships.evaluation;

import java.util.Date;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess.CloseDecision;

/**
 * Contract of {@code bpmn/program-evaluation.bpmn}: key, element ids and message code refers to,
 * and the variables its expressions, forms and delegates share.
 */
public final class EvaluationProcess {

  public static final String PROCESS_KEY = "program-evaluation";

  public static final String TASK_RECORD_DATA = "Task_RecordEvaluationData";
  public static final String TASK_ASSESS_PROGRAM = "Task_AssessProgram";

  /** The district submitted its evaluation data through its link ({@code Boundary_EvaluationDataSubmitted}). */
  public static final String MESSAGE_DATA = "EvaluationDataSubmitted";

  /** Due date of {@code Task_RecordEvaluationData} and timer {@code Boundary_EvaluationDataDue}. */
  public static final ProcessVariable<Date> EVALUATION_DATA_DUE_AT = ProcessVariable.date("evaluationDataDueAt");
  /** Form record-evaluation-data: one line per course ({@link EvaluationDataText}). */
  public static final ProcessVariable<String> COURSE_RESULTS = ProcessVariable.string("courseResults");
  public static final ProcessVariable<String> EVALUATION_SUMMARY = ProcessVariable.string("evaluationSummary");

  // Form assess-program.
  public static final ProcessVariable<String> PD_ASSESSMENT = ProcessVariable.string("pdAssessment");
  public static final ProcessVariable<String> STUDENT_OUTCOMES = ProcessVariable.string("studentOutcomes");
  public static final ProcessVariable<String> CONCLUSIONS = ProcessVariable.string("conclusions");
  /** Passed out to the lifecycle, where the manager decides ({@code Task_DecideCloseOrRenew}). */
  public static final ProcessVariable<CloseDecision> EVALUATION_RECOMMENDATION = LifecycleProcess.EVALUATION_RECOMMENDATION;

  private EvaluationProcess() {
  }
}
