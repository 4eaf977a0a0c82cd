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

  @Transactional(propagation = Propagation.MANDATORY)
  public void raise(OutboxEmail email) {
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

  static String configuration(OutboxEmail email) {
    return "email:" + email.getId();
  }
}
