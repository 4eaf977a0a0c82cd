package org.codeorg.partnerships.pd;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * An attendance form is a checklist of the enrolled people's names (Camunda Forms {@code checklist}
 * with {@code valuesKey}): the options are a JSON variable, {@code [{"label": "Lee Park — Springfield
 * High (DP-2027-0001)", "value": "42"}, …]}, one per person, the value their id; the form submits
 * the ids ticked as present. Tasklist reads the options only from a variable of type Json, so they
 * are written with Spin ({@link #options}).
 */
public final class AttendanceList {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AttendanceList() {
  }

  /**
   * The checklist's options as a Json-typed variable value.
   *
   * @param labelsById each person's id to the label the form shows, in the order shown; no limit
   *     on the count (the value is stored as a byte array, nothing is cut)
   */
  public static TypedValue options(Map<Long, String> labelsById) {
    var array = JSON.createArrayNode();
    labelsById.forEach((id, label) -> array.addObject().put("label", label).put("value", String.valueOf(id)));
    return SpinValues.jsonValue(array.toString()).create();
  }

  /**
   * The ids ticked as present, each checked against the options the task showed.
   *
   * @param ticked the variable the checklist submitted: Tasklist sends a Json variable (a Spin
   *     node), the REST API may send a JSON array (a Java list) or its text; absent means nobody
   * @param options the task's options variable, as {@link #options} wrote it
   * @return the ids ticked, in the options' order
   * @throws InvalidAttendance when a value is not among the options or the value is not a list of
   *     texts: the task stays open, and a completion over the engine's REST API answers 400 naming the field
   */
  public static Set<Long> present(VariableScope scope, String ticked, String options) {
    Map<String, Long> allowed = new LinkedHashMap<>();
    for (JsonNode option : readArray(scope.getVariable(options), options)) {
      allowed.put(option.path("value").asText(), Long.valueOf(option.path("value").asText()));
    }
    Set<String> values = new LinkedHashSet<>();
    Object submitted = scope.getVariable(ticked);
    if (submitted != null) {
      for (JsonNode value : readArray(submitted, ticked)) {
        if (!value.isTextual() && !value.isNumber()) {
          throw new InvalidAttendance(ticked, "must be a list of the form's options");
        }
        if (!allowed.containsKey(value.asText())) {
          throw new InvalidAttendance(ticked, "'" + value.asText() + "' is not one of the form's options");
        }
        values.add(value.asText());
      }
    }
    Set<Long> present = new LinkedHashSet<>();
    allowed.forEach((value, id) -> {
      if (values.contains(value)) {
        present.add(id);
      }
    });
    return present;
  }

  /** A Spin node, a Java collection or JSON text, as an array node. */
  private static JsonNode readArray(Object value, String field) {
    JsonNode node;
    try {
      node = value instanceof Collection<?> list ? JSON.valueToTree(list) : JSON.readTree(String.valueOf(value));
    } catch (Exception unreadable) {
      throw new InvalidAttendance(field, "must be a list of the form's options");
    }
    if (!node.isArray()) {
      throw new InvalidAttendance(field, "must be a list of the form's options");
    }
    return node;
  }

  /** Rejects a task completion with 400 and the field, through Camunda's form validation path. */
  public static final class InvalidAttendance extends FormFieldValidationException {
    public InvalidAttendance(String field, String message) {
      super(field, field + ": " + message);
    }
  }
}
