package org.codeorg.partnerships.mail;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email that exhausted its retries becomes an incident of type {@value #TYPE} on the instance of
 * its "Resolve an undelivered email" task ({@link UndeliveredEmailProcess}), which waits there for
 * the task's whole life, and, while it still runs, on the process instance that caused it, so
 * operators see it in Cockpit next to failed jobs and on the partnership's instance. Both carry the
 * same configuration ({@code email:<id>}); resolving the email (the task, or a retry over the staff
 * API) resolves both. The cause's incident alone would not last: it sits on the execution of the
 * step that was waiting, and Camunda removes it with that execution (a parallel branch or a
 * sub-process that ends, or the instance ending), which is why the task's own instance carries one.
 */
@Component
public class DeliveryIncidents {

  public static final String TYPE = "emailDelivery";

  private static final Logger log = LoggerFactory.getLogger(DeliveryIncidents.class);

  private final RuntimeService runtimeService;

  public DeliveryIncidents(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * The email failed for good (or its outcome is unknown): an incident on the instance that caused it,
   * and a task for the partnership managers ({@link UndeliveredEmailProcess}), one per email.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void raise(OutboxEmail email) {
    String resolution = openResolution(email);
    raiseIncident(email, resolution);
    raiseIncident(email, email.getProcessInstanceId());
  }

  /** @return the id of the email's running "Resolve an undelivered email" instance, started if none */
  private String openResolution(OutboxEmail email) {
    String key = UndeliveredEmailProcess.businessKey(email.getId());
    java.util.List<org.camunda.bpm.engine.runtime.ProcessInstance> open = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(UndeliveredEmailProcess.PROCESS_KEY).processInstanceBusinessKey(key).active().list();
    if (!open.isEmpty()) {
      return open.get(0).getId();
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    UndeliveredEmailProcess.EMAIL_ID.putIn(variables, email.getId());
    UndeliveredEmailProcess.EMAIL_RECIPIENT.putIn(variables, email.getRecipient());
    UndeliveredEmailProcess.EMAIL_SUBJECT.putIn(variables, email.getSubject());
    UndeliveredEmailProcess.DELIVERY_ERROR.putIn(variables, email.getLastError());
    return runtimeService.startProcessInstanceByKey(UndeliveredEmailProcess.PROCESS_KEY, key, variables).getId();
  }

  /** On {@code processInstanceId} if it still runs and has no incident of this email yet. */
  private void raiseIncident(OutboxEmail email, String processInstanceId) {
    if (processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
        || runtimeService.createIncidentQuery().processInstanceId(processInstanceId).incidentType(TYPE)
            .configuration(configuration(email)).count() > 0) {
      return;
    }
    // An incident belongs to an execution at an activity: the instance's first waiting step.
    ActivityInstance waiting = runtimeService.getActivityInstance(processInstanceId);
    while (waiting.getChildActivityInstances().length > 0) {
      waiting = waiting.getChildActivityInstances()[0];
    }
    Incident incident = runtimeService.createIncident(TYPE, waiting.getExecutionIds()[0], configuration(email),
        email.getMilestone() + " email not delivered after " + email.getAttempts() + " attempts: " + email.getLastError());
    log.warn("Email {} ({}) failed for good: incident {} on process instance {}", email.getId(), email.getMilestone(),
        incident.getId(), processInstanceId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void resolve(OutboxEmail email) {
    // The engine's handler resolves every incident of the configuration at once (the sending instance's, the
    // task instance's and the copies on calling instances), so each is looked up again before it is resolved.
    runtimeService.createIncidentQuery().incidentType(TYPE).configuration(configuration(email)).list().stream()
        .filter(incident -> runtimeService.createIncidentQuery().incidentId(incident.getId()).count() > 0)
        .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
  }

  /**
   * The email was sent again another way (the staff API's retry): its open Tasklist task
   * "Resolve an undelivered email" has nothing left to decide and ends, so no one meets a stale task.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeResolution(OutboxEmail email, String reason) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(UndeliveredEmailProcess.PROCESS_KEY)
        .processInstanceBusinessKey(UndeliveredEmailProcess.businessKey(email.getId())).active().list()
        .forEach(open -> runtimeService.deleteProcessInstance(open.getId(), reason));
  }

  static String configuration(OutboxEmail email) {
    return "email:" + email.getId();
  }
}
