package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions every model keeps (docs/architecture.md): one process per file named by its id, a history
 * time-to-live, complete diagram interchange (Modeler and Cockpit draw every element), named
 * elements, and for every user task a candidate group and a form of this repository. With the
 * model contracts ({@code *Process} and {@code *Decision} classes): every key and message name is
 * a contract constant, delegate beans are named after their elements, form fields that conditions
 * and listeners read are in the form before them, and decision values are the contracts' enum
 * constants. That every expression resolves against the Spring context is {@link ModelReferencesTest}.
 */
class ModelConventionsTest {

  /**
   * Delegate beans that serve several elements, so cannot be named after each: element id → bean.
   * Keep it short; a new entry needs the reason in the bean's Javadoc.
   */
  static final Map<String, String> SHARED_DELEGATES = Map.of(
      // One reminder, told apart by the activity id it runs in.
      "Task_RemindInformationAfter7Days", "remindInformation",
      "Task_RemindInformationAfter14Days", "remindInformation");

  private static final Pattern COMPARISON = Pattern.compile(
      "(\\w+)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*['\"](\\w+)['\"]|['\"](\\w+)['\"]\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*(\\w+)");

  static Stream<Path> bpmnFiles() throws IOException {
    return ModelSources.bpmnFiles();
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
      // A model fix deployed alone (Camunda Modeler) keeps its forms: docs/model-changes.md.
      assertThat(task.getCamundaFormRefBinding()).as("form binding of " + task.getId()).isEqualTo("latest");
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
    return ModelSources.formFiles();
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

  @Test
  void everyMessageNameIsAConstantOfAContract() throws IOException {
    Set<String> constants = ModelSources.stringConstants();
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles().toList()) {
      for (Message message : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Message.class)) {
        if (!constants.contains(message.getName())) {
          problems.add(file.getFileName() + " " + message.getId() + ": message name '" + message.getName()
              + "' is no constant of a contract (*Process / *Decision class)");
        }
      }
    }
    assertThat(problems).as("messages without a contract constant%s", ModelSources.lines(problems)).isEmpty();
  }

  @Test
  void everyProcessAndDecisionKeyIsAConstantOfAContract() throws IOException {
    Set<String> keys = ModelSources.constants(String.class).stream().filter(c -> c.field().endsWith("KEY"))
        .map(ModelSources.ContractConstant::value).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles().toList()) {
      for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        if (!keys.contains(process.getId())) {
          problems.add(file.getFileName() + ": process key '" + process.getId() + "' is no *KEY constant of a contract");
        }
      }
    }
    for (Path file : ModelSources.dmnFiles().toList()) {
      for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        if (!keys.contains(decision.getId())) {
          problems.add(file.getFileName() + ": decision key '" + decision.getId() + "' is no *KEY constant of a contract");
        }
      }
    }
    assertThat(problems).as("keys without a contract constant%s", ModelSources.lines(problems)).isEmpty();
  }

  /** {@code Task_RecordPlanReview} → {@code ${recordPlanReview}}: a reader finds the code from the diagram. */
  @Test
  void delegateBeansAreNamedAfterTheirElements() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles().toList()) {
      for (ModelSources.Expression expression : ModelSources.expressions(file)) {
        String bean = expression.singleName();
        if (!expression.isDelegate() || expression.isListener() || bean == null) {
          continue;
        }
        String id = expression.elementId();
        String expected = SHARED_DELEGATES.getOrDefault(id, ModelSources.lowerFirst(id.substring(id.indexOf('_') + 1)));
        if (!bean.equals(expected)) {
          problems.add(expression + " — expected ${" + expected + "}");
        }
      }
    }
    assertThat(problems).as("delegate beans named unlike their elements%s", ModelSources.lines(problems)).isEmpty();
  }

  /**
   * A gateway that reads what a person entered reads it from the form of the user task before it
   * (through service tasks and gateways), and a listener expression from its own task's form.
   */
  @Test
  void formFieldsThatConditionsAndListenersReadAreInTheFormBeforeThem() throws IOException {
    Map<String, Set<String>> formKeys = ModelSources.formKeys();
    Set<String> anyFormField = formKeys.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles().toList()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getConditionExpression() == null || !(flow.getSource() instanceof Gateway gateway)) {
          continue;
        }
        Set<String> read = new ModelSources.Expression(file.getFileName().toString(), flow.getId(), "condition", null,
            flow.getConditionExpression().getTextContent()).rootNames();
        read.retainAll(anyFormField);
        for (UserTask task : userTasksBefore(gateway)) {
          Set<String> form = formKeys.getOrDefault(task.getCamundaFormRef(), Set.of());
          read.stream().filter(field -> !form.contains(field)).forEach(field -> problems.add(file.getFileName() + " "
              + flow.getId() + " reads form field '" + field + "', missing from " + task.getCamundaFormRef()
              + " of " + task.getId()));
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        Set<String> form = formKeys.getOrDefault(task.getCamundaFormRef(), Set.of());
        for (ModelSources.Expression expression : ModelSources.expressions(file)) {
          if (expression.isListener() && !expression.isDelegate() && expression.elementId().equals(task.getId())) {
            expression.rootNames().stream().filter(anyFormField::contains).filter(field -> !form.contains(field))
                .forEach(field -> problems.add(expression + " reads form field '" + field + "', missing from "
                    + task.getCamundaFormRef()));
          }
        }
      }
    }
    assertThat(problems).as("form fields read but not in the form before%s", ModelSources.lines(problems)).isEmpty();
  }

  /** A condition compares, and a form offers, only values of the variable's enum in its contract. */
  @Test
  void decisionValuesAreConstantsOfTheContractsEnums() throws IOException {
    Map<String, List<ModelSources.ContractConstant<ProcessVariable<?>>>> variables = ModelSources.variables();
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles().toList()) {
      for (ModelSources.Expression expression : ModelSources.expressions(file)) {
        Matcher m = COMPARISON.matcher(expression.text());
        while (m.find()) {
          String name = m.group(1) != null ? m.group(1) : m.group(4);
          String value = m.group(1) != null ? m.group(2) : m.group(3);
          checkEnumValue(variables.get(name), value, expression.toString(), problems);
        }
      }
    }
    for (Map.Entry<String, Map<String, List<String>>> form : ModelSources.formOptions().entrySet()) {
      form.getValue().forEach((key, values) -> values.forEach(value ->
          checkEnumValue(variables.get(key), value, form.getKey() + " field " + key, problems)));
    }
    assertThat(problems).as("decision values unknown to the contracts%s", ModelSources.lines(problems)).isEmpty();
  }

  /** One name, one meaning: contracts that share a variable (a call activity passes it on) agree on its type. */
  @Test
  void aVariableHasOneTypeInEveryContract() {
    List<String> problems = new ArrayList<>();
    ModelSources.variables().forEach((name, declared) -> {
      if (declared.stream().map(v -> v.value().type()).distinct().count() > 1) {
        problems.add(name + ": " + declared.stream().map(v -> v + " " + v.value().type().getSimpleName()).toList());
      }
    });
    assertThat(problems).as("variables with several types%s", ModelSources.lines(problems)).isEmpty();
  }

  private static void checkEnumValue(List<ModelSources.ContractConstant<ProcessVariable<?>>> declared, String value,
      String where, List<String> problems) {
    if (declared == null) {
      return;
    }
    for (ModelSources.ContractConstant<ProcessVariable<?>> variable : declared) {
      Class<?> type = variable.value().type();
      if (type.isEnum() && Stream.of(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).noneMatch(value::equals)) {
        problems.add(where + ": '" + value + "' is no constant of " + type.getName().replace('$', '.')
            + " (" + variable + ")");
      }
    }
  }

  /** The user tasks a path reaches going backwards through service tasks and gateways only. */
  private static Set<UserTask> userTasksBefore(FlowNode node) {
    Set<UserTask> tasks = new LinkedHashSet<>();
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> todo = new ArrayDeque<>(List.of(node));
    while (!todo.isEmpty()) {
      for (SequenceFlow incoming : todo.pop().getIncoming()) {
        FlowNode source = incoming.getSource();
        if (!seen.add(source)) {
          continue;
        }
        if (source instanceof UserTask task) {
          tasks.add(task);
        } else if (source instanceof Gateway || source instanceof ServiceTask || source instanceof BusinessRuleTask) {
          todo.push(source);
        }
      }
    }
    return tasks;
  }
}
