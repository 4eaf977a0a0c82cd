package org.codeorg.partnerships.evaluation;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.engine.CompletingUser;
import org.codeorg.partnerships.engine.FormValues;
import org.codeorg.partnerships.engine.TextVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of {@code program-evaluation} and of the lifecycle's evaluation and closing steps. */
@Configuration
class EvaluationDelegates {

  @Bean("startEvaluation")
  JavaDelegate startEvaluation(EvaluationSteps steps) {
    return execution -> execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE,
        steps.start(LifecycleProcess.partnershipId(execution)).name());
  }

  @Bean("requestEvaluationData")
  JavaDelegate requestEvaluationData(EvaluationSteps steps) {
    return execution -> execution.setVariable("evaluationDataDueAt",
        steps.requestData(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId()));
  }

  @Bean("remindEvaluationData")
  JavaDelegate remindEvaluationData(EvaluationSteps steps) {
    return execution -> steps.remindData(LifecycleProcess.partnershipId(execution), execution.getProcessInstanceId(),
        (Date) execution.getVariable("evaluationDataDueAt"));
  }

  /** The liaison's lines must parse and add up before the task completes. */
  @Bean("validateEvaluationData")
  TaskListener validateEvaluationData() {
    return task -> {
      List<FieldViolation> violations = new ArrayList<>();
      List<CourseResult> results = EvaluationDataText.parse(FormValues.text(task, "courseResults"), violations);
      violations.addAll(EvaluationDataText.check(results, "courseResults"));
      if (!violations.isEmpty()) {
        throw new FormFieldValidationException("courseResults", violations.get(0).field() + ": "
            + violations.get(0).message());
      }
    };
  }

  @Bean("storeEvaluationData")
  JavaDelegate storeEvaluationData(EvaluationSteps steps) {
    return execution -> steps.recordData(LifecycleProcess.partnershipId(execution),
        EvaluationDataText.parse(FormValues.text(execution, "courseResults"), new ArrayList<>()));
  }

  @Bean("summarizePd")
  JavaDelegate summarizePd(EvaluationSteps steps) {
    return execution -> execution.setVariable("evaluationSummary", TextVariables.fit(
        steps.summarizePd(LifecycleProcess.partnershipId(execution)),
        "every teacher's hours are in the partnership's staff view"));
  }

  /** Records the evaluator's assessment (from the task just completed) and sends the report. */
  @Bean("sendEvaluationReport")
  JavaDelegate sendEvaluationReport(EvaluationSteps steps) {
    return execution -> {
      Long partnershipId = LifecycleProcess.partnershipId(execution);
      steps.recordAssessment(partnershipId, FormValues.text(execution, "pdAssessment"),
          FormValues.text(execution, "studentOutcomes"), FormValues.text(execution, "conclusions"),
          FormValues.text(execution, "evaluationRecommendation"), FormValues.text(execution, CompletingUser.VARIABLE));
      steps.sendReport(partnershipId, execution.getProcessInstanceId());
    };
  }

  @Bean("closePartnership")
  JavaDelegate closePartnership(EvaluationSteps steps) {
    return execution -> execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE,
        steps.close(LifecycleProcess.partnershipId(execution), "RENEW".equals(execution.getVariable("closeDecision")),
            execution.getProcessInstanceId()).name());
  }
}
