package org.codeorg.partnerships.application;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.partnership.NotWaitingException;
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
    try {
      var correlation = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference);
      correlationKeys.forEach(correlation::processInstanceVariableEquals);
      correlation.setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(notWaiting);
    }
  }
}
