package org.codeorg.partnerships.engine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads values that Camunda Forms (or the REST API) submitted as process variables. */
public final class FormValues {

  private FormValues() {
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** Camunda Forms submit a date field as "yyyy-MM-dd"; the REST API may send a Date. */
  public static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof String text && !text.isBlank()) {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
    throw new IllegalArgumentException("A date is required, got " + value);
  }

  public static int number(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).intValue();
  }
}
