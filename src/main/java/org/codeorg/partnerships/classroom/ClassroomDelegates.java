package org.codeorg.partnerships.classroom;

import static org.codeorg.partnerships.classroom.ClassroomProcess.sectionId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.engine.CompletingUser;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.partnership.CourseSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates of {@code classroom-setup}, as beans named after their elements. A second name is the
 * bean's name in version 0.1 of the model, which instances started before 0.2 still call.
 */
@Configuration
class ClassroomDelegates {

  /** {@code Task_SendSetupChecklist}: sets the deadlines the task's due date and timers read. */
  @Bean("sendSetupChecklist")
  JavaDelegate sendSetupChecklist(ClassroomSetupSteps steps) {
    return execution -> setDeadlines(execution, steps.sendChecklist(sectionId(execution), execution.getProcessInstanceId()));
  }

  /**
   * {@code Task_StoreLiaisonReport}: the form of {@code Task_RecordSectionReadiness} (time slot,
   * room, course code, 1:1 computing, bandwidth, materials and their cost).
   */
  @Bean({"storeLiaisonReport", "storeSectionFacts"})
  JavaDelegate storeLiaisonReport(ClassroomSetupSteps steps) {
    return execution -> steps.recordFacts(sectionId(execution), new CourseSection.SetupFacts(
        ClassroomProcess.TIME_SLOT.get(execution), ClassroomProcess.ROOM.get(execution),
        ClassroomProcess.COURSE_CODE.get(execution),
        Boolean.TRUE.equals(ClassroomProcess.ONE_TO_ONE_COMPUTING.get(execution)),
        ClassroomProcess.BANDWIDTH_MBPS.require(execution),
        Boolean.TRUE.equals(ClassroomProcess.MATERIALS_READY.get(execution)),
        ClassroomProcess.MATERIALS_COST_PER_CLASS.require(execution)));
  }

  /** {@code Task_AssessReadiness}: sets {@code readinessResult}, which {@code Gateway_Readiness} reads. */
  @Bean({"assessReadiness", "assessSectionReadiness"})
  JavaDelegate assessReadiness(ClassroomSetupSteps steps) {
    return execution -> {
      ReadinessResult result = steps.assess(sectionId(execution));
      ClassroomProcess.READINESS_RESULT.set(execution, result.result());
      ClassroomProcess.READINESS_REASONS.set(execution, result.reasonsText());
    };
  }

  /** {@code Task_RecordCostApproval}: the manager who completed {@code Task_ApproveMaterialsCost}. */
  @Bean("recordCostApproval")
  JavaDelegate recordCostApproval(ClassroomSetupSteps steps) {
    return execution -> steps.approveCost(sectionId(execution), FormValues.text(execution, CompletingUser.VARIABLE));
  }

  /** {@code Task_ConfirmSectionReady}. */
  @Bean("confirmSectionReady")
  JavaDelegate confirmSectionReady(ClassroomSetupSteps steps) {
    return execution -> steps.confirmReady(sectionId(execution));
  }

  /** {@code Task_AskDistrictToFix}. */
  @Bean({"askDistrictToFix", "askDistrictToFixSetup"})
  JavaDelegate askDistrictToFix(ClassroomSetupSteps steps) {
    return execution -> steps.askToFix(sectionId(execution), execution.getProcessInstanceId());
  }

  /** {@code Task_RemindSetupOverdue}. */
  @Bean("remindSetupOverdue")
  JavaDelegate remindSetupOverdue(ClassroomSetupSteps steps) {
    return execution -> steps.remindOverdue(sectionId(execution), execution.getProcessInstanceId(),
        ClassroomProcess.READINESS_DEADLINE.get(execution));
  }

  /** {@code Task_ExtendSetupDeadline}. */
  @Bean("extendSetupDeadline")
  JavaDelegate extendSetupDeadline(ClassroomSetupSteps steps) {
    return execution -> setDeadlines(execution, steps.extend(sectionId(execution)));
  }

  /** {@code Task_DropSection}: the notes of {@code Task_DecideUnreadySection} are the reason. */
  @Bean("dropSection")
  JavaDelegate dropSection(ClassroomSetupSteps steps) {
    return execution -> steps.drop(sectionId(execution), execution.getProcessInstanceId(),
        ClassroomProcess.UNREADY_NOTES.get(execution));
  }

  private static void setDeadlines(DelegateExecution execution, ClassroomSetupSteps.Deadlines deadlines) {
    ClassroomProcess.READINESS_DEADLINE.set(execution, deadlines.readinessDeadline());
    ClassroomProcess.ESCALATION_AT.set(execution, deadlines.escalationAt());
    ClassroomProcess.SECTION_LABEL.set(execution, deadlines.sectionLabel());
  }
}
