package org.codeorg.partnerships.lifecycle;

/** Keys of the {@code partnership-lifecycle} process: ids in the BPMN and its variables. */
public final class LifecycleProcess {

  public static final String PROCESS_KEY = "partnership-lifecycle";

  public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";
  public static final String TASK_REGISTER_APPLICATION = "Task_RegisterApplication";

  /** Variables the lifecycle keeps: ids, stage and the reviewer's summary; the rest lives in JPA. */
  public static final String VAR_PARTNERSHIP_ID = "partnershipId";
  public static final String VAR_PARTNERSHIP_REFERENCE = "partnershipReference";
  public static final String VAR_PARTNERSHIP_STAGE = "partnershipStage";
  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_REVIEW_DECISION = "reviewDecision";

  private LifecycleProcess() {
  }

  public static Long partnershipId(org.camunda.bpm.engine.delegate.VariableScope execution) {
    return ((Number) execution.getVariable(VAR_PARTNERSHIP_ID)).longValue();
  }
}
