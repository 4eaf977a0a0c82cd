package org.codeorg.partnerships.workshop;

/** Keys of the {@code pd-workshop} process. */
public final class WorkshopProcess {

  public static final String PROCESS_KEY = "pd-workshop";

  public static final String TASK_CHOOSE_FACILITATOR = "Task_ChooseFacilitator";
  public static final String TASK_RECORD_VENDOR_CONFIRMATION = "Task_RecordVendorConfirmation";
  public static final String TASK_RECORD_ATTENDANCE = "Task_RecordSessionAttendance";
  public static final String TASK_CLOSE_WORKSHOP = "Task_CloseWorkshop";

  /** Staff changed the sessions' dates before the workshop started. */
  public static final String MESSAGE_RESCHEDULED = "WorkshopRescheduled";

  public static final String VAR_WORKSHOP_ID = "workshopId";

  private WorkshopProcess() {
  }

  public static Long workshopId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(VAR_WORKSHOP_ID)).longValue();
  }
}
