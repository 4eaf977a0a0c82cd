package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deployments as Camunda Modeler makes them ({@code POST /engine-rest/deployment/create}, multipart,
 * as {@code admin}) and through {@code RepositoryService}: a model fix deployed alone keeps its
 * forms; a deployment whose references do not resolve is refused naming each element and what is
 * missing ({@link DeploymentReferenceCheck}). Every deployment a test makes is deleted with its
 * instances in a {@code finally}, so the other tests of the shared context start the application's
 * own versions again.
 */
class DeploymentReferenceCheckTest extends SpringIntegrationTest {

  private static final String ADMIN = "admin:admin";
  private static final String LIFECYCLE_FILE = "partnership-lifecycle.bpmn";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;

  @Test
  void aLabelFixOfTheLifecycleDeployedAloneBecomesLatestAndItsReviewTaskShowsItsForm() throws IOException {
    String fixed = lifecycle().replace("id=\"Task_ReviewApplication\" name=\"Review application\"",
        "id=\"Task_ReviewApplication\" name=\"Review the application\"");
    assertThat(fixed).as("the label fix applies").isNotEqualTo(lifecycle());

    Http.Response deployed = deployFromModeler(Map.of(LIFECYCLE_FILE, fixed));
    try {
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
      String deploymentId = deployed.json().get("id").asText();
      ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(LifecycleProcess.PROCESS_KEY).latestVersion().singleResult();
      assertThat(latest.getDeploymentId()).as("the fix is the latest version").isEqualTo(deploymentId);

      ProcessInstance instance = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY,
          TestApplications.startForm());
      assertThat(instance.getProcessDefinitionId()).isEqualTo(latest.getId());
      JsonNode tasks = http().get("/engine-rest/task?processInstanceId=" + instance.getId(), "manager:manager").json();
      assertThat(tasks).hasSize(1);
      assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(LifecycleProcess.TASK_REVIEW_APPLICATION);
      assertThat(tasks.get(0).get("name").asText()).isEqualTo("Review the application");

      Http.Response form = http().get("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/deployed-form",
          "manager:manager");
      assertThat(form.status()).as(form.body()).isEqualTo(200);
      assertThat(form.json().get("id").asText()).isEqualTo("Form_ReviewApplication");
    } finally {
      deleteIfDeployed(deployed);
    }
  }

  @Test
  void aMisspeltDelegateBeanIsRefusedNamingTheElementAndTheBean() throws IOException {
    String misspelt = lifecycle().replace("${screenApplication}", "${screenAplication}");
    assertThat(misspelt).isNotEqualTo(lifecycle());
    long versions = lifecycleVersions();

    Http.Response refused = deployFromModeler(Map.of(LIFECYCLE_FILE, misspelt));
    try {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      JsonNode body = refused.json();
      assertThat(body.get("type").asText()).isEqualTo("ParseException");
      assertThat(body.get("message").asText()).contains("Task_ScreenApplication").contains("'screenAplication'");
      JsonNode errors = body.path("details").path(LIFECYCLE_FILE).path("errors");
      assertThat(errors).as(refused.body()).singleElement().satisfies(error -> {
        assertThat(error.get("mainElementId").asText()).isEqualTo("Task_ScreenApplication");
        assertThat(error.get("message").asText()).contains("screenAplication").contains("no bean");
      });
      assertThat(lifecycleVersions()).as("nothing deployed").isEqualTo(versions);
    } finally {
      deleteIfDeployed(refused);
    }
  }

  @Test
  void everyReferenceThatWillNotResolveIsNamedWhoeverDeploys() {
    // Each broken reference sits next to a good one of its kind, which must not be reported.
    String probe = Bpmn.convertToString(Bpmn.createExecutableProcess("deployment-check-probe")
        .camundaHistoryTimeToLive(1)
        .startEvent("Start")
        .userTask("Task_FormOfAnotherDeployment").camundaCandidateGroups("camunda-admin")
            .camundaFormRef("Form_ReviewApplication").camundaFormRefBinding("deployment")
        .userTask("Task_NoSuchForm").camundaCandidateGroups("camunda-admin")
            .camundaFormRef("Form_NoSuchForm").camundaFormRefBinding("latest")
        .userTask("Task_GoodForm").camundaCandidateGroups("camunda-admin")
            .camundaFormRef("Form_AssessProgram").camundaFormRefBinding("latest")
        .callActivity("Call_NoSuchProcess").calledElement("no-such-process")
        .callActivity("Call_GoodProcess").calledElement("leadership-pd")
        .businessRuleTask("Decide_NoSuchDecision").camundaDecisionRef("no-such-decision")
        .businessRuleTask("Decide_GoodDecision").camundaDecisionRef("pd-track")
        .serviceTask("Service_NoSuchBean").camundaDelegateExpression("${noSuchBean}")
            .camundaExecutionListenerDelegateExpression("start", "${noSuchListener}")
        .serviceTask("Service_GoodBean").camundaDelegateExpression("${screenApplication}")
        .endEvent("End")
        .done());

    ParseException refused = catchThrowableOfType(ParseException.class, () -> repositoryService.createDeployment()
        .name("deployment-check-probe").addString("probe.bpmn", probe).deploy());

    assertThat(refused).as("the probe deployment is refused").isNotNull();
    List<String> messages = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    refused.getResorceReports().forEach(report -> {
      assertThat(report.getResourceName()).isEqualTo("probe.bpmn");
      report.getErrors().stream().map(Problem::getMessage).forEach(messages::add);
      report.getErrors().stream().map(Problem::getMainElementId).forEach(elements::add);
    });
    assertThat(elements).containsExactly("Task_FormOfAnotherDeployment", "Task_NoSuchForm", "Call_NoSuchProcess",
        "Decide_NoSuchDecision", "Service_NoSuchBean", "Service_NoSuchBean");
    assertThat(String.join("\n", messages))
        .contains("'Form_ReviewApplication' (formRefBinding=\"deployment\"), which is not in this deployment")
        .contains("form 'Form_NoSuchForm', which is neither in this deployment nor deployed")
        .contains("process 'no-such-process'")
        .contains("decision 'no-such-decision'")
        .contains("bean 'noSuchBean'")
        .contains("executionListener of serviceTask 'Service_NoSuchBean' delegates to bean 'noSuchListener'");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check-probe").count())
        .isZero();
  }

  @Test
  void everyModelAndFormOfTheRepositoryDeployTogetherOverRest() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> models = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms")))) {
      for (Path file : models.sorted().toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    Http.Response deployed = deployFromModeler(files);
    try {
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
      // One process per .bpmn file of the repository.
      assertThat(deployed.json().get("deployedProcessDefinitions"))
          .hasSize((int) files.keySet().stream().filter(name -> name.endsWith(".bpmn")).count());
      assertThat(deployed.json().get("deployedDecisionDefinitions")).hasSize(3);
    } finally {
      deleteIfDeployed(deployed);
    }
  }

  private Http http() {
    return new Http(baseUrl());
  }

  private Http.Response deployFromModeler(Map<String, String> files) {
    return http().postMultipart("/engine-rest/deployment/create", ADMIN,
        Map.of("deployment-name", "deployment-check-test", "deployment-source", "Camunda Modeler"), files);
  }

  private void deleteIfDeployed(Http.Response response) {
    if (response.status() == 200) {
      repositoryService.deleteDeployment(response.json().get("id").asText(), true);
    }
  }

  private long lifecycleVersions() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(LifecycleProcess.PROCESS_KEY).count();
  }

  private static String lifecycle() throws IOException {
    return Files.readString(Path.of("bpmn", LIFECYCLE_FILE));
  }
}
