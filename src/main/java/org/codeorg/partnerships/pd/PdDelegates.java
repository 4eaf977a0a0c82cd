package org.codeorg.partnerships.pd;

import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.VAR_PHASE_NUMBER;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.teacherId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates of {@code professional-development}, {@code leadership-pd} and the PD part of
 * {@code partnership-lifecycle}, as named beans.
 */
@Configuration
class PdDelegates {

  // --- partnership-lifecycle: implementation stage ---

  @Bean("startImplementation")
  JavaDelegate startImplementation(ImplementationSteps steps) {
    return execution -> {
      Long partnershipId = LifecycleProcess.partnershipId(execution);
      ImplementationSteps.Started started = steps.start(partnershipId);
      execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE, started.stage().name());
      execution.setVariable("hasElementaryTeachers", started.hasElementaryTeachers());
      execution.setVariable("elementaryTeachersSummary", TextVariables.fit(started.elementaryTeachers(),
          "the full list is in the partnership's staff view"));
      execution.setVariable("schoolYearEndsAt", started.schoolYearEndsAt());
    };
  }

  @Bean("recordElementaryPdPath")
  JavaDelegate recordElementaryPdPath(ImplementationSteps steps) {
    return execution -> steps.chooseElementaryPath(LifecycleProcess.partnershipId(execution),
        ElementaryPdPath.valueOf(FormValues.text(execution, "elementaryPdPath")),
        FormValues.text(execution, "affiliateTrainerName"), FormValues.text(execution, "affiliateTrainerEmail"),
        execution.getProcessInstanceId());
  }

  @Bean("recordAffiliateTrainerTrained")
  JavaDelegate recordAffiliateTrainerTrained(ImplementationSteps steps) {
    return execution -> steps.recordTrainerTrained(LifecycleProcess.partnershipId(execution),
        FormValues.date(execution.getVariable("trainerTrainedOn")));
  }

  @Bean("completeImplementation")
  JavaDelegate completeImplementation(ImplementationSteps steps) {
    return execution -> steps.complete(LifecycleProcess.partnershipId(execution));
  }

  // --- professional-development: one teacher ---

  @Bean("requestTeacherCommitment")
  JavaDelegate requestTeacherCommitment(TeacherPdSteps steps) {
    return execution -> {
      TeacherPdSteps.CommitmentRequest request = steps.requestCommitment(teacherId(execution),
          execution.getProcessInstanceId());
      execution.setVariable("commitmentDeadline", request.deadline());
      execution.setVariable("teacherName", request.teacherName());
      execution.setVariable("teacherSummary", request.teacherSummary());
      execution.removeVariable(ProfessionalDevelopmentProcess.VAR_TEACHER_COMMITMENT);
    };
  }

  @Bean("recordTeacherCommitment")
  JavaDelegate recordTeacherCommitment(TeacherPdSteps steps) {
    return execution -> steps.recordCommitment(teacherId(execution));
  }

  @Bean("replaceTeacher")
  JavaDelegate replaceTeacher(TeacherPdSteps steps) {
    return execution -> {
      steps.replaceTeacher(teacherId(execution), FormValues.text(execution, "replacementName"),
          FormValues.text(execution, "replacementEmail"));
      execution.setVariable("teacherName", FormValues.text(execution, "replacementName").trim());
    };
  }

  @Bean("withdrawTeacherFromPd")
  JavaDelegate withdrawTeacherFromPd(TeacherPdSteps steps) {
    return execution -> steps.withdraw(teacherId(execution), execution.getProcessInstanceId(),
        FormValues.text(execution, "pdDecisionNotes"));
  }

  @Bean("enrolTeacherInPd")
  JavaDelegate enrolTeacherInPd(TeacherPdSteps steps) {
    return execution -> {
      execution.setVariable("phaseCount", steps.enrol(teacherId(execution), execution.getProcessInstanceId()));
      execution.setVariable(VAR_PHASE_NUMBER, 0);
    };
  }

  @Bean("grantOnlinePdAccess")
  JavaDelegate grantOnlinePdAccess(TeacherPdSteps steps) {
    return execution -> steps.grantOnlineAccess(teacherId(execution), execution.getProcessInstanceId());
  }

  @Bean("openNextPdPhase")
  JavaDelegate openNextPdPhase(TeacherPdSteps steps) {
    return execution -> {
      TeacherPdSteps.OpenedPhase phase = steps.openNextPhase(teacherId(execution),
          FormValues.number(execution, VAR_PHASE_NUMBER));
      execution.setVariable(VAR_PHASE_NUMBER, phase.number());
      execution.setVariable("phaseName", phase.name());
      execution.setVariable("phaseDelivery", phase.delivery().name());
      execution.setVariable("phaseDueDate", phase.dueAt());
      execution.removeVariable(ProfessionalDevelopmentProcess.VAR_PHASE_ATTENDED);
      execution.removeVariable(ProfessionalDevelopmentProcess.VAR_PHASE_HOURS);
    };
  }

  @Bean("recordPdPhaseCompleted")
  JavaDelegate recordPdPhaseCompleted(TeacherPdSteps steps) {
    return execution -> steps.recordCompleted(teacherId(execution), FormValues.number(execution, VAR_PHASE_NUMBER),
        FormValues.number(execution, ProfessionalDevelopmentProcess.VAR_PHASE_HOURS), execution.getProcessInstanceId());
  }

  @Bean("recordPdPhaseMissed")
  JavaDelegate recordPdPhaseMissed(TeacherPdSteps steps) {
    return execution -> steps.recordMissed(teacherId(execution), FormValues.number(execution, VAR_PHASE_NUMBER));
  }

  @Bean("scheduleMakeUp")
  JavaDelegate scheduleMakeUp(TeacherPdSteps steps) {
    return execution -> {
      execution.setVariable("phaseDueDate", steps.scheduleMakeUp(teacherId(execution),
          FormValues.number(execution, VAR_PHASE_NUMBER), execution.getProcessInstanceId()));
      execution.removeVariable(ProfessionalDevelopmentProcess.VAR_PHASE_ATTENDED);
      execution.removeVariable(ProfessionalDevelopmentProcess.VAR_PHASE_HOURS);
    };
  }

  @Bean("issuePdCertificate")
  JavaDelegate issuePdCertificate(TeacherPdSteps steps) {
    return execution -> execution.setVariable("certificateHours",
        steps.issueCertificate(teacherId(execution), execution.getProcessInstanceId()));
  }

  // --- leadership-pd: one high school's counselors and principals ---

  @Bean("enrolSchoolLeaders")
  JavaDelegate enrolSchoolLeaders(LeadershipPdSteps steps) {
    return execution -> {
      LeadershipPdSteps.Enrolled enrolled = steps.enrol(LifecycleProcess.partnershipId(execution), schoolId(execution),
          execution.getProcessInstanceId());
      execution.setVariable("programDate", enrolled.programDate());
      execution.setVariable("leaderRoster", TextVariables.fit(enrolled.roster(),
          "every leader is in the partnership's staff view"));
      execution.setVariable("leaderCount", enrolled.size());
    };
  }

  /** Checks the roster numbers before the task completes, so a typo is a 400, not an incident. */
  @Bean("validateLeadershipAttendance")
  TaskListener validateLeadershipAttendance() {
    return task -> AttendanceList.absentees(task.getVariable("allLeadersAttended"), task.getVariable("absentLeaders"),
        FormValues.number(task, "leaderCount"));
  }

  @Bean("completeLeadershipPd")
  JavaDelegate completeLeadershipPd(LeadershipPdSteps steps) {
    return execution -> steps.complete(LifecycleProcess.partnershipId(execution), schoolId(execution),
        AttendanceList.absentees(execution.getVariable("allLeadersAttended"), execution.getVariable("absentLeaders"),
            FormValues.number(execution, "leaderCount")),
        execution.getProcessInstanceId());
  }

  private static Long schoolId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(ProfessionalDevelopmentProcess.VAR_SCHOOL_ID)).longValue();
  }
}
