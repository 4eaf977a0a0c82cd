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
 * An email that exhausted its retries becomes an incident of type {@value #TYPE} on the process
 * instance that caused it, so operators see it in Cockpit next to failed jobs; retrying the email
 * resolves it. Instances that have ended get no incident: the staff email view still shows the row.
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
    openResolution(email);
    raiseIncident(email);
  }

  private void openResolution(OutboxEmail email) {
    String key = UndeliveredEmailProcess.businessKey(email.getId());
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(UndeliveredEmailProcess.PROCESS_KEY)
        .processInstanceBusinessKey(key).active().count() > 0) {
      return;
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    UndeliveredEmailProcess.EMAIL_ID.putIn(variables, email.getId());
    UndeliveredEmailProcess.EMAIL_RECIPIENT.putIn(variables, email.getRecipient());
    UndeliveredEmailProcess.EMAIL_SUBJECT.putIn(variables, email.getSubject());
    UndeliveredEmailProcess.DELIVERY_ERROR.putIn(variables, email.getLastError());
    runtimeService.startProcessInstanceByKey(UndeliveredEmailProcess.PROCESS_KEY, key, variables);
  }

  private void raiseIncident(OutboxEmail email) {
    if (email.getProcessInstanceId() == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(email.getProcessInstanceId()).count() == 0) {
      return;
    }
    // An incident belongs to an execution at an activity: the instance's first waiting step.
    ActivityInstance waiting = runtimeService.getActivityInstance(email.getProcessInstanceId());
    while (waiting.getChildActivityInstances().length > 0) {
      waiting = waiting.getChildActivityInstances()[0];
    }
    Incident incident = runtimeService.createIncident(TYPE, waiting.getExecutionIds()[0], configuration(email),
        email.getMilestone() + " email not delivered after " + email.getAttempts() + " attempts: " + email.getLastError());
    log.warn("Email {} ({}) failed for good: incident {} on process instance {}", email.getId(), email.getMilestone(),
        incident.getId(), email.getProcessInstanceId());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void resolve(OutboxEmail email) {
    runtimeService.createIncidentQuery().incidentType(TYPE).configuration(configuration(email)).list()
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
