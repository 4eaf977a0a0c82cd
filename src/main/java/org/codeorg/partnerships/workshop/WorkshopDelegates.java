package org.codeorg.partnerships.workshop;

import static org.codeorg.partnerships.workshop.WorkshopProcess.workshopId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.pd.AttendanceList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates and task listeners of {@code pd-workshop}, as named beans. */
@Configuration
class WorkshopDelegates {

  @Bean("assignWorkshopFacilitator")
  JavaDelegate assignWorkshopFacilitator(WorkshopSteps steps) {
    return execution -> execution.setVariable("facilitator", steps.assignFacilitator(workshopId(execution)).orElse(null));
  }

  /** The PD manager's choice must be a member of the facilitators group (400 otherwise). */
  @Bean("validateFacilitatorChoice")
  TaskListener validateFacilitatorChoice(WorkshopSteps steps) {
    return task -> {
      String chosen = FormValues.text(task, "facilitator");
      if (!steps.isFacilitator(chosen == null ? null : chosen.trim())) {
        throw new FormFieldValidationException("facilitator", "facilitator: '" + chosen
            + "' is not a user of the facilitators group");
      }
    };
  }

  @Bean("recordChosenFacilitator")
  JavaDelegate recordChosenFacilitator(WorkshopSteps steps) {
    return execution -> {
      String chosen = FormValues.text(execution, "facilitator").trim();
      steps.chooseFacilitator(workshopId(execution), chosen);
      execution.setVariable("facilitator", chosen);
    };
  }

  @Bean("orderWorkshopMaterials")
  JavaDelegate orderWorkshopMaterials(WorkshopSteps steps) {
    return execution -> steps.orderMaterialsAndMeals(workshopId(execution), execution.getProcessInstanceId());
  }

  @Bean("recordVendorConfirmation")
  JavaDelegate recordVendorConfirmation(WorkshopSteps steps) {
    return execution -> steps.recordVendorConfirmation(workshopId(execution),
        FormValues.text(execution, "vendorConfirmation"));
  }

  @Bean("enrolWorkshopTeachers")
  JavaDelegate enrolWorkshopTeachers(WorkshopSteps steps) {
    return execution -> execution.setVariable("enrolledCount",
        steps.enrolTeachers(workshopId(execution), execution.getProcessInstanceId()));
  }

  @Bean("sendTenDayReminders")
  JavaDelegate sendTenDayReminders(WorkshopSteps steps) {
    return execution -> steps.remind(workshopId(execution), 10, execution.getProcessInstanceId());
  }

  @Bean("sendThreeDayReminders")
  JavaDelegate sendThreeDayReminders(WorkshopSteps steps) {
    return execution -> steps.remind(workshopId(execution), 3, execution.getProcessInstanceId());
  }

  @Bean("notifyNewWorkshopDates")
  JavaDelegate notifyNewWorkshopDates(WorkshopSteps steps) {
    return execution -> steps.notifyNewDates(workshopId(execution), execution.getProcessInstanceId());
  }

  /** On creation of each session's attendance task: the roster as it stands, and the session number. */
  @Bean("prepareAttendanceTask")
  TaskListener prepareAttendanceTask(WorkshopSteps steps) {
    return task -> {
      task.setVariableLocal("attendanceRoster", TextVariables.fit(steps.roster(workshopId(task)),
          "every seat is in the workshop's staff view, GET /api/workshops/" + task.getVariable("workshopReference")));
      task.setVariableLocal("rosterSize", steps.rosterSize(workshopId(task)));
      task.setVariableLocal("sessionNumber", FormValues.number(task, "loopCounter") + 1);
    };
  }

  /** Records the session's attendance as the task completes; a roster number out of range is a 400. */
  @Bean("recordSessionAttendance")
  TaskListener recordSessionAttendance(WorkshopSteps steps) {
    return task -> steps.recordAttendance(workshopId(task), FormValues.number(task, "sessionNumber"),
        AttendanceList.absentees(task.getVariable("allPresent"), task.getVariable("absentees"),
            steps.rosterSize(workshopId(task))),
        task.getAssignee());
  }

  @Bean("remindOrganizerToClose")
  JavaDelegate remindOrganizerToClose(WorkshopSteps steps) {
    return execution -> steps.remindOrganizerToClose(workshopId(execution), execution.getProcessInstanceId());
  }

  @Bean("closeWorkshop")
  JavaDelegate closeWorkshop(WorkshopSteps steps) {
    return execution -> execution.setVariable("attendanceReported", steps.close(workshopId(execution)));
  }

  @Bean("sendExitSurveys")
  JavaDelegate sendExitSurveys(WorkshopSteps steps) {
    return execution -> execution.setVariable("exitSurveysSent",
        steps.sendExitSurveys(workshopId(execution), execution.getProcessInstanceId()));
  }
}
