package org.codeorg.partnerships.evaluation;

/** Keys of the {@code program-evaluation} process. */
public final class EvaluationProcess {

  public static final String PROCESS_KEY = "program-evaluation";

  public static final String TASK_RECORD_DATA = "Task_RecordEvaluationData";
  public static final String TASK_ASSESS_PROGRAM = "Task_AssessProgram";

  /** The district submitted its evaluation data through its link. */
  public static final String MESSAGE_DATA = "EvaluationDataSubmitted";

  private EvaluationProcess() {
  }
}
