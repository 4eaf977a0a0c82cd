package org.codeorg.partnerships.workshop;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/replace-workshop-facilitator.bpmn}, the PD managers' Tasklist start form
 * "Replace a workshop's facilitator" ({@code forms/replace-workshop-facilitator.form}): it goes
 * through {@link WorkshopScheduling#replaceFacilitator}, the service of
 * {@code PUT /api/workshops/{ref}/facilitator}.
 */
public final class WorkshopFacilitatorChangeProcess {

  public static final String PROCESS_KEY = "replace-workshop-facilitator";
  public static final String TASK_REPLACE_FACILITATOR = "Task_ReplaceFacilitator";

  /** The {@code camunda:initiator} of the start event. */
  public static final ProcessVariable<String> REPLACED_BY = ProcessVariable.string("facilitatorReplacedBy");
  public static final ProcessVariable<String> WORKSHOP_REFERENCE = WorkshopProcess.WORKSHOP_REFERENCE;
  /** The new facilitator's user id (a member of the {@code facilitators} group). */
  public static final ProcessVariable<String> FACILITATOR = WorkshopProcess.FACILITATOR;

  private WorkshopFacilitatorChangeProcess() {
  }
}
