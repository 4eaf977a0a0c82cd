package org.codeorg.partnerships.migration;

import java.util.Map;

import org.codeorg.partnerships.classroom.ClassroomProcess;
import org.codeorg.partnerships.evaluation.EvaluationProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess;
import org.codeorg.partnerships.workshop.WorkshopProcess;

/**
 * What a migration does with each timer and message event of the models: keep the event's job or
 * subscription as it is, or let the engine create it again from the new definition
 * ({@code MigrationInstructionBuilder.updateEventTrigger()}). Every catching event of every model
 * must be listed: {@link MigrationPlans} refuses to plan a version whose event has no choice, so
 * whoever adds a timer decides on purpose. {@code docs/model-changes.md} gives the reasons in
 * prose.
 */
public final class EventTriggers {

  /** The choice for one event, and why. */
  public enum Choice {
    /**
     * The job (timer) or subscription (message) moves as it is: a timer keeps its due date, a
     * repeating timer its remaining repetitions, so nothing restarts and nothing fired fires again.
     */
    KEEP,
    /**
     * The engine removes the job or subscription and creates it from the new definition, as if the
     * event had just been entered: a duration restarts from the migration's moment. Only for a
     * definition fix whose old due date is wrong.
     */
    RECREATE
  }

  /** A choice and its reason, one line for the dry-run report and the docs. */
  public record EventTrigger(String processKey, String eventId, Choice choice, String reason) {
  }

  private static final String DUE_DATE = "keeps its due date: a restart would move the reminder by the time already waited";

  static final Map<String, EventTrigger> CHOICES = Map.ofEntries(
      keep(LifecycleProcess.PROCESS_KEY, "Timer_ReviewOverdue", "P10D after the review task was created; " + DUE_DATE),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_SignatureReminder", "R/P14D: keeps the next due date and the reminders"
          + " already sent (a new job would start the fortnight again)"),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_InformationReminder7", "P7D; " + DUE_DATE),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_InformationReminder14", "P14D; " + DUE_DATE),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_InformationDeadline", "P30D: the district's deadline was given in the"
          + " email and must not move"),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_BeforeCsEdWeek", "${hourOfCodeAt}: the date was set when implementation"
          + " started and is the same in the new version"),
      keep(LifecycleProcess.PROCESS_KEY, "Timer_SchoolYearEnded", "${schoolYearEndsAt}: a date of the partnership"),
      keep(ClassroomProcess.PROCESS_KEY, "Boundary_ReadinessReported", "message SectionReadinessReported: same name"),
      keep(ClassroomProcess.PROCESS_KEY, "Boundary_SetupOverdue", "${readinessDeadline}, non-interrupting: " + DUE_DATE),
      keep(ClassroomProcess.PROCESS_KEY, "Boundary_SetupEscalation", "${escalationAt}: " + DUE_DATE),
      keep(ProfessionalDevelopmentProcess.PROCESS_KEY, "Boundary_CommitmentReceived",
          "message TeacherCommitmentReceived: same name"),
      keep(ProfessionalDevelopmentProcess.PROCESS_KEY, "Boundary_CommitmentDeadline", "${commitmentDeadline}, told to"
          + " the district: " + DUE_DATE),
      keep(ProfessionalDevelopmentProcess.PROCESS_KEY, "Boundary_PhaseDeadline", "${phaseDueDate}, told to the"
          + " teacher: " + DUE_DATE),
      keep(WorkshopProcess.PROCESS_KEY, "Timer_TenDaysBefore", "${reminderTenDaysAt}: " + DUE_DATE),
      keep(WorkshopProcess.PROCESS_KEY, "Timer_ThreeDaysBefore", "${reminderThreeDaysAt}: " + DUE_DATE),
      keep(WorkshopProcess.PROCESS_KEY, "Timer_WorkshopStarts", "${firstSessionAt}: the session's start"),
      keep(WorkshopProcess.PROCESS_KEY, "Boundary_WorkshopRescheduled", "message WorkshopRescheduled: same name"),
      keep(WorkshopProcess.PROCESS_KEY, "Boundary_CloseReminder", "${closeReminderAt}, non-interrupting: " + DUE_DATE),
      keep(EvaluationProcess.PROCESS_KEY, "Boundary_EvaluationDataSubmitted", "message EvaluationDataSubmitted: same name"),
      keep(EvaluationProcess.PROCESS_KEY, "Boundary_EvaluationDataDue", "${evaluationDataDueAt}, non-interrupting: "
          + DUE_DATE));

  private EventTriggers() {
  }

  /** @return the choice for the event, or {@code null} when nobody has decided yet */
  public static EventTrigger of(String processKey, String eventId) {
    return CHOICES.get(processKey + "#" + eventId);
  }

  private static Map.Entry<String, EventTrigger> keep(String processKey, String eventId, String reason) {
    return Map.entry(processKey + "#" + eventId, new EventTrigger(processKey, eventId, Choice.KEEP, reason));
  }
}
