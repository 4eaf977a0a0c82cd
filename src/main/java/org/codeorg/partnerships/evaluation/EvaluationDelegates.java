package org.codeorg.partnerships.evaluation;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.partnershipId;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.engine.CompletingUser;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.engine.ReadsFormFields;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import org.codeorg.partnerships.lifecycle.LifecycleProcess.CloseDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of {@code program-evaluation} and of the lifecycle's evaluation and closing steps, named after their elements. */
@Configuration
class EvaluationDelegates {

  /** {@code Task_StartEvaluation} in {@code partnership-lifecycle}. */
  @Bean("startEvaluation")
  JavaDelegate startEvaluation(EvaluationSteps steps) {
    return execution -> PartnershipTaskContext.enterStage(execution, steps.start(partnershipId(execution)));
  }

  /** {@code Task_RequestEvaluationData}: sets the due date the task and its timer read. */
  @Bean("requestEvaluationData")
  JavaDelegate requestEvaluationData(EvaluationSteps steps) {
    return execution -> EvaluationProcess.EVALUATION_DATA_DUE_AT.set(execution,
        steps.requestData(partnershipId(execution), execution.getProcessInstanceId()));
  }

  /** {@code Task_RemindEvaluationData}. */
  @Bean("remindEvaluationData")
  JavaDelegate remindEvaluationData(EvaluationSteps steps) {
    return execution -> steps.remindData(partnershipId(execution), execution.getProcessInstanceId(),
        EvaluationProcess.EVALUATION_DATA_DUE_AT.get(execution));
  }

  /** Complete-listener of {@code Task_RecordEvaluationData}. */
  @Bean("validateEvaluationData")
  TaskListener validateEvaluationData() {
    return new ValidateEvaluationData();
  }

  /** {@code Task_StoreEvaluationData}: the lines {@link ValidateEvaluationData} accepted. */
  @Bean("storeEvaluationData")
  JavaDelegate storeEvaluationData(EvaluationSteps steps) {
    return execution -> steps.recordData(partnershipId(execution),
        EvaluationDataText.parse(EvaluationProcess.COURSE_RESULTS.get(execution), new ArrayList<>()));
  }

  /** {@code Task_SummarizePd}: the summary {@code Task_AssessProgram} shows. */
  @Bean("summarizePd")
  JavaDelegate summarizePd(EvaluationSteps steps) {
    return execution -> EvaluationProcess.EVALUATION_SUMMARY.set(execution, TextVariables.fit(
        steps.summarizePd(partnershipId(execution)), "every teacher's hours are in the partnership's staff view"));
  }

  /** {@code Task_SendEvaluationReport}: records the assessment of {@code Task_AssessProgram} and sends the report. */
  @Bean("sendEvaluationReport")
  JavaDelegate sendEvaluationReport(EvaluationSteps steps) {
    return execution -> {
      Long partnershipId = partnershipId(execution);
      steps.recordAssessment(partnershipId, EvaluationProcess.PD_ASSESSMENT.get(execution),
          EvaluationProcess.STUDENT_OUTCOMES.get(execution), EvaluationProcess.CONCLUSIONS.get(execution),
          EvaluationProcess.EVALUATION_RECOMMENDATION.find(execution).map(Enum::name).orElse(null),
          FormValues.text(execution, CompletingUser.VARIABLE));
      steps.sendReport(partnershipId, execution.getProcessInstanceId());
    };
  }

  /** {@code Task_ClosePartnership} in {@code partnership-lifecycle}: the decision of {@code Task_DecideCloseOrRenew}. */
  @Bean("closePartnership")
  JavaDelegate closePartnership(EvaluationSteps steps) {
    return execution -> PartnershipTaskContext.enterStage(execution, steps.close(partnershipId(execution),
        LifecycleProcess.CLOSE_DECISION.get(execution) == CloseDecision.RENEW, execution.getProcessInstanceId()));
  }

  /** The liaison's lines must parse and add up before the task completes (Tasklist shows the message). */
  static final class ValidateEvaluationData implements TaskListener, ReadsFormFields {

    @Override
    public void notify(DelegateTask task) {
      String field = EvaluationProcess.COURSE_RESULTS.name();
      List<FieldViolation> violations = new ArrayList<>();
      List<CourseResult> results = EvaluationDataText.parse(EvaluationProcess.COURSE_RESULTS.get(task), violations);
      violations.addAll(EvaluationDataText.check(results, field));
      if (!violations.isEmpty()) {
        throw new FormFieldValidationException(field, violations.get(0).field() + ": " + violations.get(0).message());
      }
    }

    @Override
    public List<ProcessVariable<?>> formFields() {
      return List.of(EvaluationProcess.COURSE_RESULTS);
    }
  }
}
