package org.codeorg.partnerships.pd;

import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.CERTIFICATE_HOURS;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.COMMITMENT_DEADLINE;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.MORE_PHASES;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PD_DECISION_NOTES;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_ATTENDED;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_COUNT;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_DELIVERY;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_DUE_DATE;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_HOURS;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_NAME;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.PHASE_NUMBER;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.REPLACEMENT_EMAIL;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.REPLACEMENT_NAME;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_COMMITMENT;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_ID;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_NAME;
import static org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TEACHER_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.engine.TextVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates of {@code professional-development} ({@link ProfessionalDevelopmentProcess}),
 * {@code leadership-pd} ({@link LeadershipPdProcess}) and the PD part of
 * {@code partnership-lifecycle} ({@link LifecycleProcess}), as named beans. Each bean is named
 * after the element that uses it ({@code Task_OpenNextPdPhase} → {@code ${openNextPdPhase}}).
 */
@Configuration
class PdDelegates {

  // --- partnership-lifecycle: implementation stage ---

  @Bean("startImplementation")
  JavaDelegate startImplementation(ImplementationSteps steps) {
    return execution -> {
      Long partnershipId = LifecycleProcess.partnershipId(execution);
      ImplementationSteps.Started started = steps.start(partnershipId);
      PartnershipTaskContext.enterStage(execution, started.stage());
      LifecycleProcess.HAS_ELEMENTARY_TEACHERS.set(execution, started.hasElementaryTeachers());
      LifecycleProcess.ELEMENTARY_TEACHERS_SUMMARY.set(execution, TextVariables.fit(started.elementaryTeachers(),
          "the full list is in the partnership's staff view"));
      LifecycleProcess.SCHOOL_YEAR_ENDS_AT.set(execution, started.schoolYearEndsAt());
    };
  }

  /** {@code Task_RecordElementaryPdPath} of {@code partnership-lifecycle}. */
  @Bean("recordElementaryPdPath")
  JavaDelegate recordElementaryPdPath(ImplementationSteps steps) {
    return execution -> steps.chooseElementaryPath(LifecycleProcess.partnershipId(execution),
        LifecycleProcess.ELEMENTARY_PD_PATH.require(execution),
        LifecycleProcess.AFFILIATE_TRAINER_NAME.get(execution),
        LifecycleProcess.AFFILIATE_TRAINER_EMAIL.get(execution), execution.getProcessInstanceId());
  }

  /**
   * {@code Task_StoreTrainerTraining} of {@code partnership-lifecycle}. Its former name
   * {@code recordAffiliateTrainerTrained} stays an alias: deployed versions of the lifecycle name it.
   */
  @Bean({"storeTrainerTraining", "recordAffiliateTrainerTrained"})
  JavaDelegate storeTrainerTraining(ImplementationSteps steps) {
    return execution -> steps.recordTrainerTrained(LifecycleProcess.partnershipId(execution),
        LifecycleProcess.TRAINER_TRAINED_ON.require(execution));
  }

  /** {@code Task_CompleteImplementation} of {@code partnership-lifecycle}. */
  @Bean("completeImplementation")
  JavaDelegate completeImplementation(ImplementationSteps steps) {
    return execution -> steps.complete(LifecycleProcess.partnershipId(execution));
  }

  // --- professional-development: one teacher ---

  /** {@code Task_RequestTeacherCommitment}; clears an earlier answer, so a replacement is asked afresh. */
  @Bean("requestTeacherCommitment")
  JavaDelegate requestTeacherCommitment(TeacherPdSteps steps) {
    return execution -> {
      TeacherPdSteps.CommitmentRequest request = steps.requestCommitment(TEACHER_ID.require(execution),
          execution.getProcessInstanceId());
      COMMITMENT_DEADLINE.set(execution, request.deadline());
      TEACHER_NAME.set(execution, request.teacherName());
      TEACHER_SUMMARY.set(execution, request.teacherSummary());
      TEACHER_COMMITMENT.remove(execution);
    };
  }

  /** {@code Task_RecordTeacherCommitment}. */
  @Bean("recordTeacherCommitment")
  JavaDelegate recordTeacherCommitment(TeacherPdSteps steps) {
    return execution -> steps.recordCommitment(TEACHER_ID.require(execution));
  }

  /** {@code Task_ReplaceTeacher}: the replacement's name and email come from {@code decide-missing-commitment}. */
  @Bean("replaceTeacher")
  JavaDelegate replaceTeacher(TeacherPdSteps steps) {
    return execution -> {
      String name = REPLACEMENT_NAME.require(execution);
      steps.replaceTeacher(TEACHER_ID.require(execution), name, REPLACEMENT_EMAIL.require(execution));
      TEACHER_NAME.set(execution, name.trim());
    };
  }

  /** {@code Task_WithdrawTeacherFromPd}, after either decision form. */
  @Bean("withdrawTeacherFromPd")
  JavaDelegate withdrawTeacherFromPd(TeacherPdSteps steps) {
    return execution -> steps.withdraw(TEACHER_ID.require(execution), execution.getProcessInstanceId(),
        PD_DECISION_NOTES.get(execution));
  }

  /** {@code Task_EnrolTeacherInPd}. */
  @Bean("enrolTeacherInPd")
  JavaDelegate enrolTeacherInPd(TeacherPdSteps steps) {
    return execution -> {
      PHASE_COUNT.set(execution, steps.enrol(TEACHER_ID.require(execution), execution.getProcessInstanceId()));
      PHASE_NUMBER.set(execution, 0);
    };
  }

  /** {@code Task_GrantOnlinePdAccess}. */
  @Bean("grantOnlinePdAccess")
  JavaDelegate grantOnlinePdAccess(TeacherPdSteps steps) {
    return execution -> steps.grantOnlineAccess(TEACHER_ID.require(execution), execution.getProcessInstanceId());
  }

  /** {@code Task_OpenNextPdPhase}: the phase after {@code phaseNumber}, with its deadline timer. */
  @Bean("openNextPdPhase")
  JavaDelegate openNextPdPhase(TeacherPdSteps steps) {
    return execution -> {
      TeacherPdSteps.OpenedPhase phase = steps.openNextPhase(TEACHER_ID.require(execution),
          PHASE_NUMBER.require(execution));
      PHASE_NUMBER.set(execution, phase.number());
      PHASE_NAME.set(execution, phase.name());
      PHASE_DELIVERY.set(execution, phase.delivery());
      PHASE_DUE_DATE.set(execution, phase.dueAt());
      forgetPhaseReport(execution);
    };
  }

  /** {@code Task_RecordPdPhaseCompleted}; sets what {@code Gateway_MorePhases} reads. */
  @Bean("recordPdPhaseCompleted")
  JavaDelegate recordPdPhaseCompleted(TeacherPdSteps steps) {
    return execution -> MORE_PHASES.set(execution, steps.recordCompleted(TEACHER_ID.require(execution),
        PHASE_NUMBER.require(execution), PHASE_HOURS.require(execution),
        ProfessionalDevelopmentProcess.PHASE_COMPLETED_ON.get(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_RecordPdPhaseMissed}, after an incomplete report or the phase's deadline. */
  @Bean("recordPdPhaseMissed")
  JavaDelegate recordPdPhaseMissed(TeacherPdSteps steps) {
    return execution -> steps.recordMissed(TEACHER_ID.require(execution), PHASE_NUMBER.require(execution));
  }

  /** {@code Task_ScheduleMakeUp}: a new deadline for the same phase. */
  @Bean("scheduleMakeUp")
  JavaDelegate scheduleMakeUp(TeacherPdSteps steps) {
    return execution -> {
      PHASE_DUE_DATE.set(execution, steps.scheduleMakeUp(TEACHER_ID.require(execution),
          PHASE_NUMBER.require(execution), execution.getProcessInstanceId()));
      forgetPhaseReport(execution);
    };
  }

  /** {@code Task_IssuePdCertificate}. */
  @Bean("issuePdCertificate")
  JavaDelegate issuePdCertificate(TeacherPdSteps steps) {
    return execution -> CERTIFICATE_HOURS.set(execution,
        steps.issueCertificate(TEACHER_ID.require(execution), execution.getProcessInstanceId()));
  }

  /** A phase (re)opens: the last report must not decide it. */
  private static void forgetPhaseReport(DelegateExecution execution) {
    PHASE_ATTENDED.remove(execution);
    PHASE_HOURS.remove(execution);
    ProfessionalDevelopmentProcess.PHASE_COMPLETED_ON.remove(execution);
  }

  // --- leadership-pd: one high school's counselors and principals ---

  /** {@code Task_EnrolSchoolLeaders}: the roster and the program date the attendance task shows. */
  @Bean("enrolSchoolLeaders")
  JavaDelegate enrolSchoolLeaders(LeadershipPdSteps steps) {
    return execution -> {
      LeadershipPdSteps.Enrolled enrolled = steps.enrol(LeadershipPdProcess.PARTNERSHIP_ID.require(execution),
          LeadershipPdProcess.SCHOOL_ID.require(execution), execution.getProcessInstanceId());
      LeadershipPdProcess.PROGRAM_DATE.set(execution, enrolled.programDate());
      LeadershipPdProcess.LEADER_OPTIONS.set(execution, AttendanceList.options(enrolled.leaders()));
    };
  }

  /**
   * Task listener (complete) of {@code Task_RecordLeadershipAttendance}: checks that every name
   * ticked is one of the checklist's, before the task completes, so a bad value is a 400, not an incident.
   */
  @Bean("validateLeadershipAttendance")
  TaskListener validateLeadershipAttendance() {
    return PdDelegates::presentLeaders;
  }

  /** {@code Task_CompleteLeadershipPd}. */
  @Bean("completeLeadershipPd")
  JavaDelegate completeLeadershipPd(LeadershipPdSteps steps) {
    return execution -> steps.complete(LeadershipPdProcess.PARTNERSHIP_ID.require(execution),
        LeadershipPdProcess.SCHOOL_ID.require(execution), presentLeaders(execution), execution.getProcessInstanceId());
  }

  // --- online-pd-completions: reported from Tasklist's start form ---

  /**
   * {@code Task_ApplyOnlineCompletions}: runs in the start form's transaction, so a refused report
   * is the start form's error (Tasklist shows it; the REST API answers 400) with one line per refused
   * row, and nothing is applied or started.
   */
  @Bean("applyOnlineCompletions")
  JavaDelegate applyOnlineCompletions(OnlineCompletionImport imports) {
    return execution -> {
      String field;
      java.util.List<OnlineCompletionImport.Row> rows;
      if (OnlinePdCompletionsProcess.REPORT_KIND.get(execution) == OnlinePdCompletionsProcess.ReportKind.CSV) {
        field = OnlinePdCompletionsProcess.COMPLETIONS_CSV.name();
        try {
          rows = imports.parse(OnlinePdCompletionsProcess.COMPLETIONS_CSV.get(execution));
        } catch (IllegalArgumentException unreadable) {
          throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException(field,
              "Nothing was applied: " + unreadable.getMessage());
        }
      } else {
        field = OnlinePdCompletionsProcess.TEACHER_EMAIL.name();
        rows = java.util.List.of(new OnlineCompletionImport.Row(1, FormValues.text(execution, field),
            FormValues.text(execution, OnlinePdCompletionsProcess.COURSE.name()),
            wholeNumber(execution.getVariable(OnlinePdCompletionsProcess.PHASE.name())),
            execution.getVariable(OnlinePdCompletionsProcess.COMPLETED_ON.name()) == null ? ""
                : FormValues.date(execution.getVariable(OnlinePdCompletionsProcess.COMPLETED_ON.name())).toString(),
            wholeNumber(execution.getVariable(OnlinePdCompletionsProcess.HOURS.name()))));
      }
      OnlineCompletionImport.Outcome outcome = imports.check(rows);
      java.util.List<String> applied;
      try {
        if (!outcome.applicable()) {
          throw new IllegalArgumentException(String.join("; ", outcome.refused()));
        }
        applied = imports.apply(outcome);
      } catch (IllegalArgumentException refused) {
        throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException(field,
            "Nothing was applied. " + refused.getMessage());
      }
      OnlinePdCompletionsProcess.COMPLETIONS_APPLIED.set(execution, applied.size());
      OnlinePdCompletionsProcess.COMPLETIONS_REPORT.set(execution, TextVariables.fit(
          applied.size() + " completion(s) applied:\n\n" + String.join("\n", applied.stream().map(a -> "- " + a).toList()),
          "the teachers' hours are in each partnership's staff view"));
    };
  }

  /** Tasklist submits a number field as a Long or Double; the REST API may send text. */
  private static String wholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return String.valueOf(number.longValue());
    }
    return value == null ? "" : value.toString().trim();
  }

  private static java.util.Set<Long> presentLeaders(VariableScope scope) {
    return AttendanceList.present(scope, LeadershipPdProcess.PRESENT_LEADERS.name(),
        LeadershipPdProcess.LEADER_OPTIONS.name());
  }
}
