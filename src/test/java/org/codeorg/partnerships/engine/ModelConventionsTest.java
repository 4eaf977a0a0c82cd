package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN 6 conventions every model keeps: one process per file named by its id, a history
 * time-to-live, complete diagram interchange (Modeler and Cockpit draw every element), named
 * elements, and for every user task a candidate group and a form of this repository.
 */
class ModelConventionsTest {

  static Stream<Path> bpmnFiles() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void processModelFollowsTheConventions(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);

    List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
    assertThat(processes).hasSize(1);
    Process process = processes.get(0);
    assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive").isNotBlank();
    assertThat(process.isExecutable()).isTrue();

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof SequenceFlow) {
        assertThat(edges).as("diagram edge of " + element.getId()).contains(element.getId());
      } else {
        assertThat(shapes).as("diagram shape of " + element.getId()).contains(element.getId());
      }
      // Merging gateways (one way out) need no label, as in bpmnlint's label-required rule.
      if (element instanceof FlowNode node && !(node instanceof Gateway && node.getOutgoing().size() == 1)) {
        assertThat(element.getName()).as("label of " + element.getId()).isNotBlank();
      }
    }

    // The engine-wide retry cycle (application.yaml) serves every job; a model states one only where it differs.
    assertThat(Files.readString(file)).as("per-element copy of the engine's retry cycle")
        .doesNotContain("<camunda:failedJobRetryTimeCycle>R5/PT5M<");

    Set<String> formIds = formIds();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of " + task.getId()).isNotBlank();
      assertThat(formIds).as("form of " + task.getId()).contains(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(formIds).as("form of " + start.getId()).contains(start.getCamundaFormRef());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void formIsACamundaFormThatTasklistRenders(Path file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    assertThat(form.get("schemaVersion").asInt()).as("Tasklist 7.24 renders schemaVersion 16").isEqualTo(16);
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.get("id").asText()).startsWith("Form_");
    for (JsonNode component : form.get("components")) {
      if (component.has("key")) {
        assertThat(component.get("label").asText()).as("label of " + component.get("key")).isNotBlank();
      }
    }
  }

  static Stream<Path> formFiles() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = formFiles()) {
      return forms.map(f -> {
        try {
          return json.readTree(f.toFile()).get("id").asText();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).collect(Collectors.toSet());
    }
  }
}
