package org.codeorg.partnerships.workshop;

import static org.codeorg.partnerships.workshop.WorkshopProcess.FACILITATOR;
import static org.codeorg.partnerships.workshop.WorkshopProcess.WORKSHOP_ID;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.pd.AttendanceList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates and task listeners of {@code pd-workshop} ({@link WorkshopProcess}), as named beans. A
 * delegate is named after its element ({@code Task_ReportWorkshopAttendance} →
 * {@code ${reportWorkshopAttendance}}); a former name stays an alias
 * ({@link WorkshopProcess#FORMER_BEAN_NAMES}), since deployed versions of the model still use it.
 */
@Configuration
class WorkshopDelegates {

  /**
   * {@code Task_RecordWorkshop}: an instance started from the Tasklist start form gets its workshop
   * (the form's fields checked like the API's; {@link InvalidWorkshopPlanException} fails the start,
   * 400, nothing written); one started by {@code POST /api/workshops} has it already.
   */
  @Bean("recordWorkshop")
  JavaDelegate recordWorkshop(WorkshopScheduling scheduling) {
    return execution -> {
      if (WORKSHOP_ID.get(execution) != null) {
        return;
      }
      Map<String, Object> variables = scheduling.recordStartForm(execution.getVariables(),
          WorkshopProcess.SCHEDULED_BY.require(execution), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(WorkshopProcess.WORKSHOP_REFERENCE.from(variables));
      execution.removeVariables(StartFormWorkshop.FIELDS);
      execution.setVariables(variables);
    };
  }

  /**
   * {@code Task_CancelWorkshop} of {@code cancel-workshop} (Tasklist start form): the rules of
   * {@link WorkshopScheduling#cancel}; a broken one fails the start (400 in Tasklist) naming the form's field.
   */
  @Bean("cancelWorkshop")
  JavaDelegate cancelWorkshop(WorkshopScheduling scheduling) {
    return execution -> {
      String reference = WorkshopCancellationProcess.WORKSHOP_REFERENCE.get(execution);
      String field = WorkshopCancellationProcess.WORKSHOP_REFERENCE.name();
      try {
        scheduling.cancel(reference == null ? "" : reference.trim(),
            new WorkshopPlan.Cancellation(WorkshopCancellationProcess.CANCELLATION_REASON.get(execution)));
      } catch (jakarta.validation.ConstraintViolationException e) {
        throw new FormFieldValidationException(WorkshopCancellationProcess.CANCELLATION_REASON.name(),
            WorkshopCancellationProcess.CANCELLATION_REASON.name() + " " + e.getConstraintViolations().iterator().next()
                .getMessage());
      } catch (UnknownWorkshopException e) {
        throw new FormFieldValidationException(field, field + " '" + reference + "' is not a workshop");
      } catch (org.codeorg.partnerships.common.NotWaitingException e) {
        throw new FormFieldValidationException(field, field + ": " + e.getMessage());
      }
    };
  }

  /**
   * {@code Task_ReplaceFacilitator} of {@code replace-workshop-facilitator} (Tasklist start form): the
   * rules of {@link WorkshopScheduling#replaceFacilitator}; a broken one fails the start (400 in
   * Tasklist) naming the form's field, and nothing is written.
   */
  @Bean("replaceFacilitator")
  JavaDelegate replaceFacilitator(WorkshopScheduling scheduling) {
    return execution -> {
      String reference = WorkshopFacilitatorChangeProcess.WORKSHOP_REFERENCE.get(execution);
      String field = WorkshopFacilitatorChangeProcess.WORKSHOP_REFERENCE.name();
      String facilitator = WorkshopFacilitatorChangeProcess.FACILITATOR.name();
      try {
        scheduling.replaceFacilitator(reference == null ? "" : reference.trim(),
            new WorkshopPlan.FacilitatorChange(WorkshopFacilitatorChangeProcess.FACILITATOR.get(execution)));
      } catch (jakarta.validation.ConstraintViolationException e) {
        throw new FormFieldValidationException(facilitator, facilitator + " "
            + e.getConstraintViolations().iterator().next().getMessage());
      } catch (UnknownWorkshopException e) {
        throw new FormFieldValidationException(field, field + " '" + reference + "' is not a workshop");
      } catch (org.codeorg.partnerships.common.NotWaitingException e) {
        throw new FormFieldValidationException(field, field + ": " + e.getMessage());
      }
    };
  }

  /**
   * {@code Task_ChangeWorkshopDates} of {@code change-workshop-dates} (Tasklist start form): the
   * form's local dates and times read in the workshop's zone (or the form's), then the rules and
   * the service of {@code PUT /api/workshops/{ref}/sessions} ({@link WorkshopScheduling#reschedule}).
   * A broken rule fails the start (400 in Tasklist) naming the form's field, and nothing is written.
   */
  @Bean("changeWorkshopDates")
  JavaDelegate changeWorkshopDates(WorkshopScheduling scheduling, WorkshopRepository workshops,
      jakarta.validation.Validator validator) {
    return execution -> {
      String given = WorkshopDatesChangeProcess.WORKSHOP_REFERENCE.get(execution);
      String reference = given == null ? "" : given.trim();
      String field = WorkshopDatesChangeProcess.WORKSHOP_REFERENCE.name();
      Workshop workshop = workshops.findByReference(reference).orElseThrow(() ->
          new FormFieldValidationException(field, field + " '" + given + "' is not a workshop"));
      WorkshopPlan.NewDates dates = StartFormWorkshop.newDates(execution.getVariables(), workshop.zone(), validator);
      try {
        scheduling.reschedule(reference, dates);
      } catch (jakarta.validation.ConstraintViolationException e) {
        // Checked above with the same clock; only a form submitted as a session begins gets here.
        throw new InvalidWorkshopPlanException(org.codeorg.partnerships.common.FieldViolations.of(
            e.getConstraintViolations()).stream().map(v -> new org.codeorg.partnerships.common.FieldViolation(
                StartFormWorkshop.formField(v.field()), v.message())).toList());
      } catch (UnknownWorkshopException e) {
        throw new FormFieldValidationException(field, field + " '" + given + "' is not a workshop");
      } catch (org.codeorg.partnerships.common.NotWaitingException e) {
        // Started or closed, or (ConcurrentChangeException) a double submission lost the race: a 400
        // naming the workshop, never a 500.
        throw new FormFieldValidationException(field, field + ": " + e.getMessage());
      } catch (RuntimeException e) {
        if (!org.codeorg.partnerships.engine.ConcurrentSubmissions.lostRace(e)) {
          throw e;
        }
        // Inside the engine's transaction @ConcurrentSubmission cannot retry: the workshop's row
        // version says another change won. The start is rolled back; 400, not 500.
        throw new FormFieldValidationException(field, field + ": the workshop's dates were changed by another "
            + "request at the same moment; reload to see them");
      }
    };
  }

  /** {@code Task_SendCancellations}: CANCEL updates to the teachers and the facilitator, the vendor's order cancelled. */
  @Bean("sendCancellations")
  JavaDelegate sendCancellations(WorkshopNotifications notifications) {
    return execution -> notifications.cancelled(WORKSHOP_ID.require(execution), execution.getProcessInstanceId());
  }

  /** {@code Task_AssignFacilitator}; sets what {@code Gateway_FacilitatorFound} reads. */
  @Bean({"assignFacilitator", "assignWorkshopFacilitator"})
  JavaDelegate assignFacilitator(WorkshopPreparation preparation) {
    return execution -> {
      Optional<String> facilitator = preparation.assignFacilitator(WORKSHOP_ID.require(execution));
      FACILITATOR.set(execution, facilitator.orElse(null));
      WorkshopProcess.FACILITATOR_FOUND.set(execution, facilitator.isPresent());
    };
  }

  /** Task listener (complete) of {@code Task_ChooseFacilitator}: the choice must be a member of the facilitators group (400 otherwise). */
  @Bean("validateFacilitatorChoice")
  TaskListener validateFacilitatorChoice(WorkshopPreparation preparation) {
    return task -> {
      String chosen = FACILITATOR.get(task);
      if (!preparation.isFacilitator(chosen == null ? null : chosen.trim())) {
        throw new FormFieldValidationException(FACILITATOR.name(), FACILITATOR.name() + ": '" + chosen
            + "' is not a user of the facilitators group");
      }
    };
  }

  /** {@code Task_RecordChosenFacilitator}. */
  @Bean("recordChosenFacilitator")
  JavaDelegate recordChosenFacilitator(WorkshopPreparation preparation) {
    return execution -> {
      String chosen = FACILITATOR.require(execution).trim();
      preparation.chooseFacilitator(WORKSHOP_ID.require(execution), chosen);
      FACILITATOR.set(execution, chosen);
    };
  }

  /** {@code Task_OrderMaterialsAndMeals}. */
  @Bean({"orderMaterialsAndMeals", "orderWorkshopMaterials"})
  JavaDelegate orderMaterialsAndMeals(WorkshopNotifications notifications) {
    return execution -> notifications.orderMaterialsAndMeals(WORKSHOP_ID.require(execution),
        execution.getProcessInstanceId());
  }

  /** {@code Task_StoreVendorConfirmation}: what the PD manager entered in {@code Task_RecordVendorConfirmation}. */
  @Bean({"storeVendorConfirmation", "recordVendorConfirmation"})
  JavaDelegate storeVendorConfirmation(WorkshopPreparation preparation) {
    return execution -> preparation.recordVendorConfirmation(WORKSHOP_ID.require(execution),
        WorkshopProcess.VENDOR_CONFIRMATION.require(execution));
  }

  /** {@code Task_EnrolWorkshopTeachers}. */
  @Bean("enrolWorkshopTeachers")
  JavaDelegate enrolWorkshopTeachers(WorkshopEnrolment enrolment) {
    return execution -> WorkshopProcess.ENROLLED_COUNT.set(execution,
        enrolment.enrolTeachers(WORKSHOP_ID.require(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_SendTenDayReminders}. */
  @Bean("sendTenDayReminders")
  JavaDelegate sendTenDayReminders(WorkshopNotifications notifications) {
    return execution -> notifications.remind(WORKSHOP_ID.require(execution), 10, execution.getProcessInstanceId());
  }

  /** {@code Task_SendThreeDayReminders}. */
  @Bean("sendThreeDayReminders")
  JavaDelegate sendThreeDayReminders(WorkshopNotifications notifications) {
    return execution -> notifications.remind(WORKSHOP_ID.require(execution), 3, execution.getProcessInstanceId());
  }

  /** {@code Task_NotifyNewDates}, after {@link WorkshopProcess#MESSAGE_RESCHEDULED}. */
  @Bean({"notifyNewDates", "notifyNewWorkshopDates"})
  JavaDelegate notifyNewDates(WorkshopNotifications notifications) {
    return execution -> notifications.notifyNewDates(WORKSHOP_ID.require(execution), execution.getProcessInstanceId());
  }

  /**
   * Task listener (create) of {@code Task_RecordSessionAttendance}: the checklist of the enrolled
   * teachers as it stands, the session number, and the card's first session in local time.
   */
  @Bean("prepareAttendanceTask")
  TaskListener prepareAttendanceTask(WorkshopEnrolment enrolment, WorkshopRepository workshops) {
    return task -> {
      Long workshopId = WORKSHOP_ID.require(task);
      // From the row, not the instance: instances scheduled before the card showed local time have no such variable.
      WorkshopProcess.FIRST_SESSION_LOCAL.setLocal(task,
          WorkshopScheduling.firstSessionLocal(workshops.require(workshopId)));
      WorkshopProcess.ATTENDANCE_OPTIONS.setLocal(task, AttendanceList.options(enrolment.attendanceLabels(workshopId)));
      WorkshopProcess.SESSION_NUMBER.setLocal(task, WorkshopProcess.LOOP_COUNTER.require(task) + 1);
    };
  }

  /** Task listener (complete) of {@code Task_RecordSessionAttendance}: records the session; a value that is not a checklist option is a 400. */
  @Bean("recordSessionAttendance")
  TaskListener recordSessionAttendance(WorkshopEnrolment enrolment, WorkshopAttendanceReports reports) {
    return task -> {
      Long workshopId = WORKSHOP_ID.require(task);
      reports.recordAttendance(workshopId, WorkshopProcess.SESSION_NUMBER.require(task),
          AttendanceList.present(task, WorkshopProcess.PRESENT_TEACHERS.name(), WorkshopProcess.ATTENDANCE_OPTIONS.name()),
          task.getAssignee());
    };
  }

  /** {@code Task_RemindOrganizerToClose}, 2 days after the last session. */
  @Bean("remindOrganizerToClose")
  JavaDelegate remindOrganizerToClose(WorkshopNotifications notifications) {
    return execution -> notifications.remindOrganizerToClose(WORKSHOP_ID.require(execution),
        execution.getProcessInstanceId());
  }

  /** {@code Task_ReportWorkshopAttendance}: closes the workshop and reports to each teacher's PD. */
  @Bean({"reportWorkshopAttendance", "closeWorkshop"})
  JavaDelegate reportWorkshopAttendance(WorkshopAttendanceReports reports) {
    return execution -> WorkshopProcess.ATTENDANCE_REPORTED.set(execution,
        reports.closeAndReport(WORKSHOP_ID.require(execution)));
  }

  /** {@code Task_SendExitSurveys}. */
  @Bean("sendExitSurveys")
  JavaDelegate sendExitSurveys(WorkshopNotifications notifications) {
    return execution -> WorkshopProcess.EXIT_SURVEYS_SENT.set(execution,
        notifications.sendExitSurveys(WORKSHOP_ID.require(execution), execution.getProcessInstanceId()));
  }
}
