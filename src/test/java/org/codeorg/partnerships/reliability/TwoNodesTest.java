package org.codeorg.partnerships.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.support.AppNode;
import org.codeorg.partnerships.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 9, scenario 3: two application processes on one PostgreSQL database (Camunda's
 * homogeneous cluster). 1,000 timer jobs fall due within 30 seconds; each runs exactly once, both
 * nodes take work, and the webapps answer on either node. Prints jobs per node.
 */
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
class TwoNodesTest {

  private static final int TIMERS = 1000;
  private static final String ADMIN = "admin:admin";
  private static final java.time.format.DateTimeFormatter REST_DATE = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC);

  /** A model only this test deploys: a timer, then a step that records which node ran it. */
  private static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_ReliabilityTimers" targetNamespace="http://code.org/test">
        <bpmn:process id="reliability-timers" name="Reliability timers" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:intermediateCatchEvent id="Timer_Due"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${dueAt}</bpmn:timeDate></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:serviceTask id="Task_RecordNode" camunda:expression="${execution.setVariable('executedBy', environment.getProperty('partnership.node-name'))}">
            <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:serviceTask>
          <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Timer_Due" />
          <bpmn:sequenceFlow id="F2" sourceRef="Timer_Due" targetRef="Task_RecordNode" />
          <bpmn:sequenceFlow id="F3" sourceRef="Task_RecordNode" targetRef="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void dueTimersRunExactlyOnceAcrossTwoNodes() throws Exception {
    String database = "dpo_nodes_" + System.currentTimeMillis();
    String dbUrl = Databases.create(database);
    AppNode a = new AppNode("A", Databases.freePort(), dbUrl);
    AppNode b = new AppNode("B", Databases.freePort(), dbUrl);
    try {
      a.start(Map.of());          // creates the schemas
      b.start(Map.of());
      deploy(a);

      // Due within 20 s of each other, as a morning's reminders are: longer than an idle node's
      // longest wait for jobs (max-wait, 10 s), so both nodes are awake while they run. The first
      // falls due 30 s ahead, about when the last instance has been started (timers due earlier
      // simply run at once); every second beyond that was CI time spent idle.
      Instant due = Instant.now().plusSeconds(30);
      Http http = a.http();
      for (int i = 0; i < TIMERS; i++) {
        Http.Response started = http.post("/engine-rest/process-definition/key/reliability-timers/start", ADMIN,
            Map.of("variables", Map.of("dueAt", Map.of("value", REST_DATE.format(due.plusMillis(20L * i)), "type",
                "Date"))), Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
      }
      Instant startedAt = Instant.now();
      long finished = 0;
      while (Instant.now().isBefore(due.plus(Duration.ofMinutes(5)))) {
        finished = http.get("/engine-rest/history/process-instance/count?processDefinitionKey=reliability-timers"
            + "&finished=true", ADMIN).json().get("count").asLong();
        if (finished == TIMERS) {
          break;
        }
        Thread.sleep(2000);
      }
      Duration took = Duration.between(due.isAfter(startedAt) ? due : startedAt, Instant.now());
      assertThat(finished).as("instances finished").isEqualTo(TIMERS);

      Map<String, Integer> perNode = new TreeMap<>();
      for (int first = 0; first < TIMERS; first += 500) {
        JsonNode variables = http.get("/engine-rest/history/variable-instance?variableName=executedBy"
            + "&processDefinitionKey=reliability-timers&firstResult=" + first + "&maxResults=500", ADMIN).json();
        variables.forEach(v -> perNode.merge(v.get("value").asText(), 1, Integer::sum));
      }
      long executions = http.get("/engine-rest/history/activity-instance/count?activityId=Task_RecordNode"
          + "&processDefinitionKey=reliability-timers", ADMIN).json().get("count").asLong();
      long incidents = http.get("/engine-rest/incident/count", ADMIN).json().get("count").asLong();
      System.out.printf("Two nodes: %d due timers, executed %d times (per node %s), incidents %d, all done %s after"
          + " falling due%n", TIMERS, executions, perNode, incidents, took);
      assertThat(executions).as("each timer's step ran once").isEqualTo(TIMERS);
      assertThat(perNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(TIMERS);
      assertThat(perNode).as("both nodes took work").containsKeys("A", "B");
      assertThat(incidents).isZero();

      for (AppNode node : new AppNode[] {a, b}) {
        assertThat(node.http().get("/camunda/app/cockpit/default/", null).status()).as("Cockpit on " + node.url())
            .isEqualTo(200);
        assertThat(node.http().get("/engine-rest/process-definition/count?key=partnership-lifecycle", ADMIN).json()
            .get("count").asInt()).isPositive();
      }
    } finally {
      a.stop();
      b.stop();
      Databases.drop(database);
    }
  }

  private static void deploy(AppNode node) throws Exception {
    String boundary = "----reliability" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nreliability-timers\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"reliability-timers.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + MODEL + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.url() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
