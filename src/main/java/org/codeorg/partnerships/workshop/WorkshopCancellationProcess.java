package org.codeorg.partnerships.workshop;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/cancel-workshop.bpmn}, the PD managers' Tasklist start form "Cancel a
 * workshop" ({@code forms/cancel-workshop.form}): it cancels through {@link WorkshopScheduling#cancel},
 * and the workshop's own {@code pd-workshop} instance sends the cancellations.
 */
public final class WorkshopCancellationProcess {

  public static final String PROCESS_KEY = "cancel-workshop";
  public static final String TASK_CANCEL_WORKSHOP = "Task_CancelWorkshop";

  /** The {@code camunda:initiator} of the start event. */
  public static final ProcessVariable<String> CANCELLED_BY = ProcessVariable.string("workshopCancelledBy");
  public static final ProcessVariable<String> WORKSHOP_REFERENCE = WorkshopProcess.WORKSHOP_REFERENCE;
  public static final ProcessVariable<String> CANCELLATION_REASON = ProcessVariable.string("cancellationReason");

  private WorkshopCancellationProcess() {
  }
}
