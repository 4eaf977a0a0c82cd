package org.codeorg.partnerships.classroom;

/** Keys of the {@code classroom-setup} process. */
public final class ClassroomProcess {

  public static final String PROCESS_KEY = "classroom-setup";

  public static final String TASK_RECORD_READINESS = "Task_RecordSectionReadiness";
  public static final String TASK_APPROVE_COST = "Task_ApproveMaterialsCost";
  public static final String TASK_DECIDE_UNREADY = "Task_DecideUnreadySection";

  /** The district reported a section's set-up facts through its link. */
  public static final String MESSAGE_READINESS = "SectionReadinessReported";

  public static final String VAR_SECTION_ID = "sectionId";

  private ClassroomProcess() {
  }

  public static Long sectionId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(VAR_SECTION_ID)).longValue();
  }
}
