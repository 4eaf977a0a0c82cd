package org.codeorg.partnerships.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An email that failed for good becomes a Tasklist task for the partnership managers; its incident
 * stays in Cockpit until the task ends. Resolved through the task form (REST submit-form, as
 * Tasklist sends it) as a partnership manager: a corrected address without the address is refused
 * with the field named, then the email goes to the corrected address over real SMTP.
 */
class UndeliveredEmailTaskTest extends SpringIntegrationTest {

  private static final GreenMail SMTP = TestSmtpServer.server();

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  OutboxSender sender;
  @Autowired
  OutboxEmailRepository outbox;
  @Autowired
  OutboxMailProperties properties;

  @Test
  void anEmailThatFailedForGoodIsResolvedInTasklistBySendingItToACorrectedAddress() {
    Map<String, Object> application = TestApplications.startForm();
    runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);
    String recipient = (String) application.get("contactEmail");
    OutboxEmail email = outbox.findAll().stream().filter(e -> e.getRecipient().equals(recipient)).findFirst().orElseThrow();
    Instant clock = Instant.now();
    SMTP.stop();
    try {
      for (int attempt = 1; attempt <= properties.sender().maxAttempts(); attempt++) {
        sender.deliverDue(clock);
        clock = clock.plus(properties.sender().maxBackoff());
      }
    } finally {
      SMTP.start();
    }
    assertThat(outbox.findById(email.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
    String incident = DeliveryIncidents.configuration(email);
    Task task = taskService.createTaskQuery()
        .processInstanceBusinessKey(UndeliveredEmailProcess.businessKey(email.getId()))
        .taskDefinitionKey(UndeliveredEmailProcess.TASK_RESOLVE_UNDELIVERED_EMAIL).singleResult();
    assertThat(task).isNotNull();
    // On the lifecycle instance that sent it (still running) and on the task's own instance.
    assertThat(incidentInstances(incident)).containsExactlyInAnyOrder(email.getProcessInstanceId(),
        task.getProcessInstanceId());
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("partnership-managers").count())
        .isEqualTo(1);
    assertThat(taskService.getVariable(task.getId(), "emailRecipient")).isEqualTo(recipient);

    Http http = new Http(baseUrl());
    // Only partnership managers see it.
    assertThat(http.get("/engine-rest/task/" + task.getId(), "pdmanager:pdmanager").status()).isIn(403, 404);
    Http.Response noAddress = http.post("/engine-rest/task/" + task.getId() + "/submit-form", "manager:manager",
        Map.of("variables", Map.of("emailResolution", Map.of("value", "SEND_TO_CORRECTED_ADDRESS"))), Map.of());
    assertThat(noAddress.status()).as(noAddress.body()).isEqualTo(400);
    assertThat(noAddress.json().get("errors").get(0).get("field").asText()).isEqualTo("correctedAddress");
    assertThat(runtimeService.createIncidentQuery().configuration(incident).count()).isEqualTo(2);

    String corrected = "corrected." + recipient;
    Http.Response resolved = http.post("/engine-rest/task/" + task.getId() + "/submit-form", "manager:manager",
        Map.of("variables", Map.of("emailResolution", Map.of("value", "SEND_TO_CORRECTED_ADDRESS"),
            "correctedAddress", Map.of("value", corrected))), Map.of());
    assertThat(resolved.status()).as(resolved.body()).isIn(200, 204);
    assertThat(runtimeService.createIncidentQuery().configuration(incident).count()).isZero();
    OutboxEmail requeued = outbox.findById(email.getId()).orElseThrow();
    assertThat(requeued.getStatus()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(requeued.getRecipient()).isEqualTo(corrected);

    sender.deliverDue(clock);
    assertThat(outbox.findById(email.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(receivedBy(corrected)).hasSize(1);
  }

  /**
   * The instance that sent the email has ended before the email failed for good (here: deleted, as
   * a step that ended takes its execution's incidents with it): the incident is on the task's own
   * instance for as long as the task is open, and gone once it is completed.
   */
  @Test
  void theIncidentStaysVisibleWhileTheTaskIsOpenWhenTheSendingInstanceHasEnded() {
    Map<String, Object> application = TestApplications.startForm();
    String lifecycle = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application).getId();
    String recipient = (String) application.get("contactEmail");
    OutboxEmail email = outbox.findAll().stream().filter(e -> e.getRecipient().equals(recipient)).findFirst().orElseThrow();
    assertThat(email.getProcessInstanceId()).isEqualTo(lifecycle);
    runtimeService.deleteProcessInstance(lifecycle, "ended before its email failed");
    failForGood();
    String incident = DeliveryIncidents.configuration(email);
    Task task = taskService.createTaskQuery()
        .processInstanceBusinessKey(UndeliveredEmailProcess.businessKey(email.getId()))
        .taskDefinitionKey(UndeliveredEmailProcess.TASK_RESOLVE_UNDELIVERED_EMAIL).singleResult();
    assertThat(incidentInstances(incident)).containsExactly(task.getProcessInstanceId());
    assertThat(runtimeService.createIncidentQuery().configuration(incident).singleResult().getActivityId())
        .isEqualTo(UndeliveredEmailProcess.TASK_RESOLVE_UNDELIVERED_EMAIL);

    Http.Response resolved = new Http(baseUrl()).post("/engine-rest/task/" + task.getId() + "/submit-form",
        "manager:manager", Map.of("variables", Map.of("emailResolution", Map.of("value", "MARK_DELIVERED"))), Map.of());
    assertThat(resolved.status()).as(resolved.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(runtimeService.createIncidentQuery().configuration(incident).count()).isZero();
  }

  private List<String> incidentInstances(String configuration) {
    return runtimeService.createIncidentQuery().incidentType(DeliveryIncidents.TYPE).configuration(configuration).list()
        .stream().map(org.camunda.bpm.engine.runtime.Incident::getProcessInstanceId).toList();
  }

  /** Every queued email's attempts fail (SMTP down) until the outbox gives up on it. */
  private void failForGood() {
    Instant clock = Instant.now();
    SMTP.stop();
    try {
      for (int attempt = 1; attempt <= properties.sender().maxAttempts(); attempt++) {
        sender.deliverDue(clock);
        clock = clock.plus(properties.sender().maxBackoff());
      }
    } finally {
      SMTP.start();
    }
  }

  private static List<jakarta.mail.internet.MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
