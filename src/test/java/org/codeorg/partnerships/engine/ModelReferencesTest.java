package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every name an expression in {@code bpmn/} starts from resolves in the running application: a
 * delegate or listener ({@code ${bean}}) is a Spring bean; anything else is a bean
 * ({@code ${pdParticipants.secondaryTeachers(partnershipId)}}) or a typed variable of a model
 * contract. A misspelt name fails here instead of as an incident in a journey. Runs in the shared
 * context of the integration tests, so costs no extra start-up.
 */
class ModelReferencesTest extends SpringIntegrationTest {

  @Autowired
  private ApplicationContext context;

  @Test
  void everyExpressionNamesABeanOrAContractVariable() throws IOException {
    Set<String> variables = ModelSources.variables().keySet();
    List<String> problems = new ArrayList<>();
    for (Path file : ModelSources.bpmnFiles().toList()) {
      for (ModelSources.Expression expression : ModelSources.expressions(file)) {
        for (String name : expression.rootNames()) {
          boolean bean = context.containsBean(name);
          boolean variable = variables.contains(name);
          if (expression.isDelegate() && !bean) {
            problems.add(expression + ": '" + name + "' is no bean in the Spring context");
          } else if (!bean && !variable) {
            problems.add(expression + ": '" + name
                + "' is neither a bean in the Spring context nor a typed variable of a contract");
          } else if (bean && variable) {
            // The engine resolves variables first: the variable would hide the bean.
            problems.add(expression + ": '" + name + "' is both a bean and a contract variable");
          }
        }
      }
    }
    assertThat(problems).as("expressions that do not resolve%s", ModelSources.lines(problems)).isEmpty();
  }

  /** A listener that reads form fields ({@link ReadsFormFields}) listens only on tasks whose form has them. */
  @Test
  void listenersFindTheFieldsTheyReadInTheirTasksForm() throws IOException {
    Map<String, Set<String>> formKeys = ModelSources.formKeys();
    List<String> problems = new ArrayList<>();
    for (Path file : ModelSources.bpmnFiles().toList()) {
      var model = Bpmn.readModelFromFile(file.toFile());
      for (ModelSources.Expression expression : ModelSources.expressions(file)) {
        String bean = expression.singleName();
        if (!expression.isListener() || bean == null || !context.containsBean(bean)
            || !(context.getBean(bean) instanceof ReadsFormFields listener)
            || !(model.getModelElementById(expression.elementId()) instanceof UserTask task)) {
          continue;
        }
        Set<String> form = formKeys.getOrDefault(task.getCamundaFormRef(), Set.of());
        listener.formFields().stream().map(ProcessVariable::name).filter(field -> !form.contains(field))
            .forEach(field -> problems.add(expression + ": reads form field '" + field + "', missing from "
                + task.getCamundaFormRef()));
      }
    }
    assertThat(problems).as("listeners reading fields their task's form lacks%s", ModelSources.lines(problems))
        .isEmpty();
  }

  /**
   * A renamed delegate keeps its former name as an alias of the same bean, so instances still on a
   * model version that names it go on (each contract's {@code FORMER_BEAN_NAMES}).
   */
  @Test
  void everyFormerBeanNameStillResolvesToItsRenamedBean() throws ReflectiveOperationException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Class<?> contract : ModelSources.contracts()) {
      java.lang.reflect.Field field;
      try {
        field = contract.getField("FORMER_BEAN_NAMES");
      } catch (NoSuchFieldException none) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, String> former = (Map<String, String>) field.get(null);
      for (Map.Entry<String, String> rename : former.entrySet()) {
        checked++;
        if (!context.containsBean(rename.getKey()) || !context.containsBean(rename.getValue())
            || context.getBean(rename.getKey()) != context.getBean(rename.getValue())) {
          problems.add(contract.getSimpleName() + ": " + rename.getValue() + " is not an alias of " + rename.getKey());
        }
      }
    }
    assertThat(checked).as("renamed beans listed in the contracts").isGreaterThanOrEqualTo(9);
    assertThat(problems).as("former bean names%s", ModelSources.lines(problems)).isEmpty();
  }
}
