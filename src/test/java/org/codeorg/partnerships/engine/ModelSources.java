package org.codeorg.partnerships.engine;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the conventions tests read: the files in {@code bpmn/} and {@code forms/}, every
 * expression in them, and the model contracts in {@code src/main} (top-level classes named
 * {@code *Process} or {@code *Decision} under {@code org.codeorg.partnerships}, see
 * {@code lifecycle/LifecycleProcess}).
 */
final class ModelSources {

  private static final String ROOT_PACKAGE = "org.codeorg.partnerships";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A name not after a dot (so a property or method of something else) and not called as a function. */
  private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(?!\\w)(?!\\s*\\()");
  /** EL keywords and what the engine itself puts in scope. */
  private static final Set<String> BUILT_IN = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId",
      "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  private ModelSources() {
  }

  /** An expression in a model, with the element it belongs to. */
  record Expression(String file, String elementId, String ownerTag, String attribute, String text) {

    /** A listener's or a flow node's {@code camunda:delegateExpression}. */
    boolean isDelegate() {
      return "delegateExpression".equals(attribute);
    }

    boolean isListener() {
      return ownerTag.endsWith("Listener");
    }

    /** The bean of {@code ${bean}}, or null when the expression is more than one name. */
    String singleName() {
      Matcher m = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$").matcher(text);
      return m.matches() ? m.group(1) : null;
    }

    /** The names an expression starts from: beans, variables or built-ins (string literals left out). */
    Set<String> rootNames() {
      Set<String> names = new LinkedHashSet<>();
      Matcher expressions = EXPRESSION.matcher(text);
      while (expressions.find()) {
        Matcher m = ROOT_IDENTIFIER.matcher(STRING_LITERAL.matcher(expressions.group(1)).replaceAll("''"));
        while (m.find()) {
          if (!BUILT_IN.contains(m.group(1))) {
            names.add(m.group(1));
          }
        }
      }
      return names;
    }

    @Override
    public String toString() {
      return file + " " + elementId + " (" + ownerTag + (attribute == null ? "" : " " + attribute) + "): " + text.strip();
    }
  }

  static Stream<Path> bpmnFiles() throws IOException {
    return files("bpmn", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("bpmn", ".dmn");
  }

  static Stream<Path> formFiles() throws IOException {
    return files("forms", ".form");
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(Path.of(folder))) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  /** Every {@code ${…}} or {@code #{…}} of a model, in attributes and in element text (conditions, timers). */
  static List<Expression> expressions(Path model) {
    List<Expression> found = new ArrayList<>();
    collect(read(model).getDocumentElement(), model.getFileName().toString(), found);
    return found;
  }

  private static void collect(Element element, String file, List<Expression> found) {
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      Node attribute = element.getAttributes().item(i);
      if (EXPRESSION.matcher(attribute.getNodeValue()).find()) {
        found.add(new Expression(file, owningId(element), element.getLocalName(), attribute.getLocalName(),
            attribute.getNodeValue()));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, file, found);
      } else if (child.getNodeType() == Node.TEXT_NODE && EXPRESSION.matcher(child.getNodeValue()).find()) {
        found.add(new Expression(file, owningId(element), element.getLocalName(), null, child.getNodeValue()));
      }
    }
  }

  /** The nearest element with an id: the flow node or sequence flow an expression belongs to. */
  private static String owningId(Element element) {
    for (Node n = element; n instanceof Element e; n = e.getParentNode()) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return "?";
  }

  private static org.w3c.dom.Document read(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  /** Form id → the keys of its input components (in groups too). */
  static Map<String, Set<String>> formKeys() throws IOException {
    Map<String, Set<String>> keys = new TreeMap<>();
    for (Map.Entry<String, Map<String, List<String>>> form : formOptions().entrySet()) {
      keys.put(form.getKey(), form.getValue().keySet());
    }
    return keys;
  }

  /** Form id → key → the values a select or radio offers (empty for free input). */
  static Map<String, Map<String, List<String>>> formOptions() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, List<String>>> forms = new TreeMap<>();
    for (Path file : formFiles().toList()) {
      JsonNode form = json.readTree(file.toFile());
      Map<String, List<String>> fields = new LinkedHashMap<>();
      addFields(form.get("components"), fields);
      forms.put(form.get("id").asText(), fields);
    }
    return forms;
  }

  private static void addFields(JsonNode components, Map<String, List<String>> fields) {
    if (components == null) {
      return;
    }
    for (JsonNode component : components) {
      if (component.has("key")) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(v -> values.add(v.path("value").asText()));
        fields.put(component.get("key").asText(), values);
      }
      addFields(component.get("components"), fields);
    }
  }

  /** The model contracts: top-level {@code *Process} and {@code *Decision} classes of the application. */
  static List<Class<?>> contracts() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("[\\w.]+\\.\\w+(Process|Decision)")));
    return scanner.findCandidateComponents(ROOT_PACKAGE).stream()
        .<Class<?>>map(definition -> {
          try {
            return Class.forName(definition.getBeanClassName());
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
        })
        .filter(type -> type.getEnclosingClass() == null && !type.isEnum())
        .sorted(java.util.Comparator.comparing(Class::getName))
        .toList();
  }

  /** Every {@code public static final} field of the contracts with the given type, by contract. */
  static <T> List<ContractConstant<T>> constants(Class<T> type) {
    List<ContractConstant<T>> constants = new ArrayList<>();
    for (Class<?> contract : contracts()) {
      for (Field field : contract.getFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && type.isAssignableFrom(field.getType())) {
          try {
            constants.add(new ContractConstant<>(contract, field.getName(), type.cast(field.get(null))));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return constants;
  }

  record ContractConstant<T>(Class<?> contract, String field, T value) {

    @Override
    public String toString() {
      return contract.getSimpleName() + "." + field;
    }
  }

  /** Typed variables of all contracts by name (one name may be declared by several contracts). */
  static Map<String, List<ContractConstant<ProcessVariable<?>>>> variables() {
    Map<String, List<ContractConstant<ProcessVariable<?>>>> byName = new TreeMap<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<ContractConstant<ProcessVariable<?>>> all = (List) constants(ProcessVariable.class);
    for (ContractConstant<ProcessVariable<?>> variable : all) {
      byName.computeIfAbsent(variable.value().name(), n -> new ArrayList<>()).add(variable);
    }
    return byName;
  }

  static Set<String> stringConstants() {
    Set<String> values = new LinkedHashSet<>();
    constants(String.class).forEach(c -> values.add(c.value()));
    return values;
  }

  static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static String lines(Collection<?> problems) {
    StringBuilder text = new StringBuilder();
    problems.forEach(p -> text.append("\n  - ").append(p));
    return text.toString();
  }
}
