package org.codeorg.partnerships.lifecycle;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.common.NotWaitingException;
import org.springframework.stereotype.Component;

/** Delivers a district's or staff member's submission to a partnership's process instance, which must be waiting for it. */
@Component
public class LifecycleMessages {

  private final RuntimeService runtimeService;

  public LifecycleMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @throws NotWaitingException (409) when the instance is not at the step that receives this message */
  public void deliver(String message, String reference, Map<String, Object> variables, String notWaiting) {
    deliver(message, reference, Map.of(), variables, notWaiting);
  }

  /**
   * To the one instance of the partnership whose process variables equal {@code correlationKeys}
   * (e.g. the {@code teacherId} of a teacher's professional-development instance).
   */
  public void deliver(String message, String reference, Map<String, Object> correlationKeys,
      Map<String, Object> variables, String notWaiting) {
    deliver(message, reference, null, correlationKeys, variables, notWaiting);
  }

  /**
   * To a known instance of the partnership (a teacher's PD, a section's set-up), still checked
   * against {@code correlationKeys}. Looking the instance up by its id is an index lookup; by
   * business key and variables alone, PostgreSQL's plan starts from every subscription waiting for
   * the message, which grows with the teachers in PD (issue 8).
   *
   * @param processInstanceId null when not recorded (instances started before migration V6): found as before
   */
  public void deliver(String message, String reference, String processInstanceId, Map<String, Object> correlationKeys,
      Map<String, Object> variables, String notWaiting) {
    try {
      var correlation = runtimeService.createMessageCorrelation(message);
      if (processInstanceId != null) {
        correlation.processInstanceId(processInstanceId);
      } else {
        correlation.processInstanceBusinessKey(reference);
      }
      correlationKeys.forEach(correlation::processInstanceVariableEquals);
      correlation.setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(notWaiting);
    }
  }
}
