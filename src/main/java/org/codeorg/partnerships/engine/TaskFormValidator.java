package org.codeorg.partnerships.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.common.FieldViolation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Checks a task completion against the task's Camunda Form on the server: Camunda Forms validate
 * only in the browser, and the REST API accepts any variable. Required fields (unless the form hides
 * them), allowed values of radio and select fields, of checklists (also options read from a
 * variable with {@code valuesKey}), lengths, patterns, number ranges, no control
 * characters ({@link ControlCharacters}: a textarea is multi-line, every other field single-line)
 * and no variable the form does not have.
 */
@Component
public class TaskFormValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Map<String, JsonNode> formsById = new HashMap<>();
  /** Fields that submit a list of their options. */
  private static final Set<String> CHOICE_LISTS = Set.of("checklist", "taglist");

  private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
  private final ObjectMapper json;

  public TaskFormValidator(ObjectMapper json) throws IOException {
    this.json = json;
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        JsonNode schema = json.readTree(in);
        formsById.put(schema.get("id").asText(), schema);
      }
    }
  }

  public boolean knows(String formId) {
    return formsById.containsKey(formId);
  }

  /**
   * @param submitted the variables of the completion (name to value)
   * @param existing the variables the task already sees (for the form's conditions)
   */
  public List<FieldViolation> validate(String formId, Map<String, Object> submitted, Map<String, Object> existing) {
    JsonNode form = formsById.get(formId);
    List<FieldViolation> violations = new ArrayList<>();
    if (form == null) {
      return violations;
    }
    Map<String, Object> context = new HashMap<>(existing);
    context.putAll(submitted);
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode field : form.get("components")) {
      if (!field.hasNonNull("key")) {
        continue;
      }
      String key = field.get("key").asText();
      keys.add(key);
      if (!plainText(field, submitted.get(key))) {
        // Whether shown or hidden: the engine stores whatever is submitted.
        violations.add(new FieldViolation(key, "textarea".equals(field.path("type").asText())
            ? ControlCharacters.MULTI_LINE : ControlCharacters.SINGLE_LINE));
        continue;
      }
      if (isHidden(field, context)) {
        continue;
      }
      if (CHOICE_LISTS.contains(field.path("type").asText())) {
        checkChoices(field, key, submitted.get(key), context, violations);
      } else {
        checkField(field, key, submitted.get(key), violations);
      }
    }
    for (String name : submitted.keySet()) {
      if (!keys.contains(name)) {
        violations.add(new FieldViolation(name, "is not a field of this task's form"));
      }
    }
    return violations;
  }

  private void checkField(JsonNode field, String key, Object value, List<FieldViolation> violations) {
    JsonNode validate = field.path("validate");
    boolean blank = value == null || (value instanceof String s && s.isBlank());
    if (blank) {
      if (validate.path("required").asBoolean(false)) {
        violations.add(new FieldViolation(key, "is required"));
      }
      return;
    }
    if (field.has("values")) {
      boolean allowed = false;
      for (JsonNode option : field.get("values")) {
        allowed |= option.get("value").asText().equals(String.valueOf(value));
      }
      if (!allowed) {
        violations.add(new FieldViolation(key, "must be one of the form's options"));
        return;
      }
    }
    String type = field.path("type").asText();
    if (("number".equals(type)) && !(value instanceof Number)) {
      violations.add(new FieldViolation(key, "must be a number"));
      return;
    }
    if (value instanceof Number number) {
      if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
        violations.add(new FieldViolation(key, "must be at least " + validate.get("min").asText()));
      }
      if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
        violations.add(new FieldViolation(key, "must be at most " + validate.get("max").asText()));
      }
      return;
    }
    if ("checkbox".equals(type) && !(value instanceof Boolean)) {
      violations.add(new FieldViolation(key, "must be true or false"));
      return;
    }
    String text = String.valueOf(value);
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      violations.add(new FieldViolation(key, "must be at most " + validate.get("maxLength").asInt() + " characters"));
    }
    if (validate.has("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
      violations.add(new FieldViolation(key, "has not the expected format"));
    }
    if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
      violations.add(new FieldViolation(key, "must be an email address"));
    }
    if ("datetime".equals(type) && !text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      violations.add(new FieldViolation(key, "must be a date (yyyy-MM-dd)"));
    }
  }

  /** A textarea's text may span lines; every other field's text (textfield, datetime, an option) is one line. */
  private static boolean plainText(JsonNode field, Object value) {
    if (!(value instanceof String text)) {
      return true;
    }
    return "textarea".equals(field.path("type").asText()) ? ControlCharacters.isMultiLine(text)
        : ControlCharacters.isSingleLine(text);
  }

  /**
   * A checklist (or tag list) submits a list of texts, each one of its options: the static
   * {@code values}, or those of the task variable its {@code valuesKey} names (a JSON array of
   * {@code {"label", "value"}}, or of plain texts, as Tasklist reads it).
   */
  private void checkChoices(JsonNode field, String key, Object value, Map<String, Object> context,
      List<FieldViolation> violations) {
    if (value == null) {
      if (field.path("validate").path("required").asBoolean(false)) {
        violations.add(new FieldViolation(key, "is required"));
      }
      return;
    }
    JsonNode chosen = asJson(value);
    if (chosen == null || !chosen.isArray()) {
      violations.add(new FieldViolation(key, "must be a list of the form's options"));
      return;
    }
    if (chosen.isEmpty() && field.path("validate").path("required").asBoolean(false)) {
      violations.add(new FieldViolation(key, "is required"));
    }
    Set<String> options = new LinkedHashSet<>();
    JsonNode declared = field.has("valuesKey") ? asJson(context.get(field.get("valuesKey").asText())) : field.get("values");
    if (declared != null && declared.isArray()) {
      for (JsonNode option : declared) {
        options.add(option.isObject() ? option.path("value").asText() : option.asText());
      }
    }
    for (JsonNode item : chosen) {
      if (!item.isTextual() && !item.isNumber()) {
        violations.add(new FieldViolation(key, "must be a list of the form's options"));
        return;
      }
      if (!options.contains(item.asText())) {
        violations.add(new FieldViolation(key, "'" + item.asText() + "' is not one of the form's options"));
        return;
      }
    }
  }

  /** A list, a Spin JSON node or JSON text as a Jackson tree; null when it is none of them. */
  private JsonNode asJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return value instanceof java.util.Collection<?> || value instanceof Map<?, ?> ? json.valueToTree(value)
          : json.readTree(String.valueOf(value));
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** A field the form hides is neither required nor shown; its condition is FEEL, as form-js evaluates it. */
  private boolean isHidden(JsonNode field, Map<String, Object> context) {
    String hide = field.path("conditional").path("hide").asText("");
    if (hide.isBlank()) {
      return false;
    }
    String expression = hide.startsWith("=") ? hide.substring(1) : hide;
    try {
      Object result = feel.evaluateSimpleExpression(expression, Variables.fromMap(context).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException unevaluable) {
      return false; // strict: the field counts as shown
    }
  }
}
