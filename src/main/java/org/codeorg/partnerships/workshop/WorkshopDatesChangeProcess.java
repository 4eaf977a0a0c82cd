package org.codeorg.partnerships.workshop;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/change-workshop-dates.bpmn}, the PD managers' Tasklist start form
 * "Change a workshop's dates" ({@code forms/change-workshop-dates.form}): the sessions are local
 * dates and times as on "Schedule a workshop" ({@link StartFormWorkshop#sessions}), and the change
 * goes through {@link WorkshopScheduling#reschedule}, the service of {@code PUT /api/workshops/{ref}/sessions}.
 * The workshop's own {@code pd-workshop} instance then sends the new invites and moves its reminders.
 */
public final class WorkshopDatesChangeProcess {

  public static final String PROCESS_KEY = "change-workshop-dates";
  public static final String TASK_CHANGE_WORKSHOP_DATES = "Task_ChangeWorkshopDates";

  /** The {@code camunda:initiator} of the start event. */
  public static final ProcessVariable<String> DATES_CHANGED_BY = ProcessVariable.string("workshopDatesChangedBy");
  public static final ProcessVariable<String> WORKSHOP_REFERENCE = WorkshopProcess.WORKSHOP_REFERENCE;
  /**
   * Optional: the IANA zone the form's dates and times are in; empty means the workshop's own zone.
   * The workshop keeps its zone either way (the API cannot change it either).
   */
  public static final ProcessVariable<String> TIME_ZONE = WorkshopProcess.FORM_TIME_ZONE;
  /** Sessions 1 to {@value #FORM_SESSIONS}, as on "Schedule a workshop": {@code session1Date}, {@code session1Starts}, {@code session1Ends}. */
  public static final int FORM_SESSIONS = WorkshopProcess.FORM_SESSIONS;

  private WorkshopDatesChangeProcess() {
  }
}
