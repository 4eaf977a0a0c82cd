package org.codeorg.partnerships.lifecycle;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.codeorg.partnerships.common.NotWaitingException;
import org.springframework.stereotype.Component;

/**
 * Delivers a district's or staff member's submission (or a workshop's report) to a process
 * instance, which must be waiting for it. {@code reference} is the instance's business key: a
 * partnership's reference ("DP-2027-0042") or a workshop's ("WS-00001").
 */
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
   * the message, which grows with the teachers in PD (docs/performance.md, fix 2).
   *
   * @param processInstanceId null when not recorded (instances started before migration V6): found as before
   */
  public void deliver(String message, String reference, String processInstanceId, Map<String, Object> correlationKeys,
      Map<String, Object> variables, String notWaiting) {
    try {
      correlation(message, reference, processInstanceId, correlationKeys, variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(notWaiting);
    }
  }

  /**
   * Like {@link #deliver(String, String, String, Map, Map, String)} for a report the instance may
   * no longer wait for (e.g. a workshop's attendance after a PD manager already decided on the
   * phase): nobody waiting is not an error.
   *
   * @return how many executions received the message, 0 when none was waiting
   */
  public int offer(String message, String reference, String processInstanceId, Map<String, Object> correlationKeys,
      Map<String, Object> variables) {
    return correlation(message, reference, processInstanceId, correlationKeys, variables).correlateAllWithResult()
        .size();
  }

  private MessageCorrelationBuilder correlation(String message, String reference, String processInstanceId,
      Map<String, Object> correlationKeys, Map<String, Object> variables) {
    var correlation = runtimeService.createMessageCorrelation(message);
    if (processInstanceId != null) {
      correlation.processInstanceId(processInstanceId);
    } else {
      correlation.processInstanceBusinessKey(reference);
    }
    correlationKeys.forEach(correlation::processInstanceVariableEquals);
    return correlation.setVariables(variables);
  }
}
