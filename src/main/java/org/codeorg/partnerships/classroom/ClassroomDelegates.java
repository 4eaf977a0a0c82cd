package org.codeorg.partnerships.classroom;

import static org.codeorg.partnerships.classroom.ClassroomProcess.sectionId;

import java.math.BigDecimal;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.codeorg.partnerships.engine.CompletingUser;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.partnership.CourseSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of {@code classroom-setup}, as named beans. */
@Configuration
class ClassroomDelegates {

  @Bean("sendSetupChecklist")
  JavaDelegate sendSetupChecklist(ClassroomSetupSteps steps) {
    return execution -> setDeadlines(execution, steps.sendChecklist(sectionId(execution), execution.getProcessInstanceId()));
  }

  /** The liaison's form: time slot, room, course code, 1:1 computing, bandwidth, materials and their cost. */
  @Bean("storeSectionFacts")
  JavaDelegate storeSectionFacts(ClassroomSetupSteps steps) {
    return execution -> steps.recordFacts(sectionId(execution), new CourseSection.SetupFacts(
        FormValues.text(execution, "timeSlot"), FormValues.text(execution, "room"),
        FormValues.text(execution, "courseCode"), Boolean.TRUE.equals(execution.getVariable("oneToOneComputing")),
        FormValues.number(execution, "bandwidthMbps"), Boolean.TRUE.equals(execution.getVariable("materialsReady")),
        BigDecimal.valueOf(((Number) execution.getVariable("materialsCostPerClass")).doubleValue())));
  }

  @Bean("assessSectionReadiness")
  JavaDelegate assessSectionReadiness(ClassroomSetupSteps steps) {
    return execution -> {
      ReadinessResult result = steps.assess(sectionId(execution));
      execution.setVariable("readinessResult", result.result().name());
      execution.setVariable("readinessReasons", result.reasonsText());
    };
  }

  @Bean("recordCostApproval")
  JavaDelegate recordCostApproval(ClassroomSetupSteps steps) {
    return execution -> steps.approveCost(sectionId(execution), FormValues.text(execution, CompletingUser.VARIABLE));
  }

  @Bean("confirmSectionReady")
  JavaDelegate confirmSectionReady(ClassroomSetupSteps steps) {
    return execution -> steps.confirmReady(sectionId(execution));
  }

  @Bean("askDistrictToFixSetup")
  JavaDelegate askDistrictToFixSetup(ClassroomSetupSteps steps) {
    return execution -> steps.askToFix(sectionId(execution), execution.getProcessInstanceId());
  }

  @Bean("remindSetupOverdue")
  JavaDelegate remindSetupOverdue(ClassroomSetupSteps steps) {
    return execution -> steps.remindOverdue(sectionId(execution), execution.getProcessInstanceId(),
        (Date) execution.getVariable("readinessDeadline"));
  }

  @Bean("extendSetupDeadline")
  JavaDelegate extendSetupDeadline(ClassroomSetupSteps steps) {
    return execution -> setDeadlines(execution, steps.extend(sectionId(execution)));
  }

  @Bean("dropSection")
  JavaDelegate dropSection(ClassroomSetupSteps steps) {
    return execution -> steps.drop(sectionId(execution), execution.getProcessInstanceId(),
        FormValues.text(execution, "unreadyNotes"));
  }

  private static void setDeadlines(DelegateExecution execution, ClassroomSetupSteps.Deadlines deadlines) {
    execution.setVariable("readinessDeadline", deadlines.readinessDeadline());
    execution.setVariable("escalationAt", deadlines.escalationAt());
    execution.setVariable("sectionLabel", deadlines.sectionLabel());
  }
}
