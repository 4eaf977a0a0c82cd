package org.codeorg.partnerships.application;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.partnership.NotWaitingException;
import org.springframework.stereotype.Component;

/** Delivers a district's submission to the partnership's lifecycle instance, which must be waiting for it. */
@Component
public class LifecycleMessages {

  private final RuntimeService runtimeService;

  public LifecycleMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @throws NotWaitingException (409) when the instance is not at the step that receives this message */
  public void deliver(String message, String reference, Map<String, Object> variables, String notWaiting) {
    try {
      runtimeService.createMessageCorrelation(message)
          .processInstanceBusinessKey(reference)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(notWaiting);
    }
  }
}
