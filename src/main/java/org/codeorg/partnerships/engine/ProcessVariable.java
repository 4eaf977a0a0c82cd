package org.codeorg.partnerships.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable of a model contract ({@code *Process} classes): its name as BPMN
 * expressions, forms and Java spell it, and its Java type. Reading converts what the engine or a
 * form stored (a form's number may arrive as {@code Integer}, {@code Long} or {@code Double}; an
 * enum is stored as its name, so gateways and forms compare plain strings).
 *
 * <p>Chosen over holunda's camunda-bpm-data (1.6.0, Kotlin): we need only names, types and enum
 * conversion, and this keeps the Kotlin runtime and a second variable API out of the application.
 *
 * @param <T> the Java type code works with
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.read = read;
    this.write = write;
  }

  /** A string variable. */
  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class, v -> (String) v, v -> v);
  }

  /** A boolean variable (gateways read it as {@code ${name}}). */
  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class,
        v -> v instanceof String s ? Boolean.valueOf(s) : (Boolean) v, v -> v);
  }

  /** A whole number kept as {@code Long}; any {@link Number} a form or the engine stored is converted. */
  public static ProcessVariable<Long> longValue(String name) {
    return new ProcessVariable<>(name, Long.class, v -> ((Number) v).longValue(), v -> v);
  }

  /** A whole number kept as {@code Integer}; any {@link Number} is converted. */
  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class, v -> ((Number) v).intValue(), v -> v);
  }

  /** A date-time (timers read it as {@code ${name}}). */
  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class, v -> (Date) v, v -> v);
  }

  /**
   * A calendar date as a form's date field submits it ({@code "yyyy-MM-dd"}); a {@link Date} set
   * through the REST API is read as its UTC day. Written back as {@code "yyyy-MM-dd"}.
   */
  public static ProcessVariable<LocalDate> localDate(String name) {
    return new ProcessVariable<>(name, LocalDate.class, FormValues::date, LocalDate::toString);
  }

  /** An amount (e.g. dollars) that a form's number field stored as any {@link Number}; kept as a {@code Double}. */
  public static ProcessVariable<BigDecimal> decimal(String name) {
    return new ProcessVariable<>(name, BigDecimal.class, v -> BigDecimal.valueOf(((Number) v).doubleValue()),
        BigDecimal::doubleValue);
  }

  /** An enum stored as its {@link Enum#name()}, so gateway conditions compare {@code ${name == 'VALUE'}}. */
  public static <E extends Enum<E>> ProcessVariable<E> enumeration(String name, Class<E> type) {
    return new ProcessVariable<>(name, type, v -> Enum.valueOf(type, v.toString()), Enum::name);
  }

  /** Any other type, stored as it is. */
  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type, type::cast, v -> v);
  }

  /** The variable's name, as BPMN expressions and forms write it. */
  public String name() {
    return name;
  }

  /** The Java type code reads; for an enum, the enum class (its values are what gateways may compare). */
  public Class<T> type() {
    return type;
  }

  /**
   * The value visible from {@code scope} (local or inherited), converted.
   *
   * @return null when the variable is not set
   * @throws ClassCastException when the stored value is of another kind (a modelling error: an incident)
   * @throws IllegalArgumentException for an enum variable holding a name its enum does not have
   */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? null : read.apply(value);
  }

  /** Like {@link #get} but empty when not set. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(get(scope));
  }

  /**
   * Like {@link #get} for a variable the model always sets before this point.
   *
   * @throws IllegalStateException when it is not set (a modelling error, which becomes an incident)
   */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return value;
  }

  /** Reads the value from a map of variables, e.g. a task's variables or a message's payload. */
  public T from(Map<String, ?> variables) {
    Object value = variables.get(name);
    return value == null ? null : read.apply(value);
  }

  /** Sets the value where it is visible (the engine's usual lookup: local if set locally, else upwards). */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : write.apply(value));
  }

  /** Sets the value on {@code scope} itself (e.g. one multi-instance iteration). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value == null ? null : write.apply(value));
  }

  /** Removes the variable where it is visible, e.g. an earlier answer that must not decide a gateway again. */
  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Puts the stored form of {@code value} into a map of variables (start, correlate, complete). */
  public Map<String, Object> putIn(Map<String, Object> variables, T value) {
    variables.put(name, value == null ? null : write.apply(value));
    return variables;
  }

  /** A one-entry map holding {@code value} in its stored form. */
  public Map<String, Object> with(T value) {
    return putIn(new java.util.HashMap<>(), value);
  }

  @Override
  public String toString() {
    return name + ":" + type.getSimpleName();
  }
}
