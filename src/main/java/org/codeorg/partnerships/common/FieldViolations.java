package org.codeorg.partnerships.common;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Bean Validation's answer in the project's shape: one {@link FieldViolation} per broken rule,
 * named by its JSON path ({@code courses[0].sections}), in the order the fields are declared
 * (a validator reports them in hash order, and a district reads the summary top to bottom).
 */
public final class FieldViolations {

  private FieldViolations() {
  }

  /** Validates {@code value} (default group) and returns its violations, empty when it is valid. */
  public static <T> List<FieldViolation> check(Validator validator, T value) {
    return of(validator.validate(value));
  }

  /**
   * Works for plain bean validation and for Spring's method validation (whose paths start with the
   * method and the parameter: those two are dropped, so the field reads as in the request body).
   */
  public static List<FieldViolation> of(Set<? extends ConstraintViolation<?>> violations) {
    List<Named> named = new ArrayList<>();
    for (ConstraintViolation<?> violation : violations) {
      named.add(named(violation));
    }
    named.sort(Comparator.<Named, List<Integer>>comparing(Named::order, FieldViolations::compare)
        .thenComparing(n -> n.violation().field()).thenComparing(n -> n.violation().message()));
    return named.stream().map(Named::violation).toList();
  }

  /**
   * A message given to {@code buildConstraintViolationWithTemplate} is a template: text that came
   * from the request (a school's name) must not be read as a parameter or an expression.
   */
  public static String literal(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }

  private record Named(FieldViolation violation, List<Integer> order) {
  }

  private static Named named(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    Type type = violation.getRootBeanClass();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
          || kind == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        Object[] arguments = violation.getExecutableParameters();
        type = arguments != null && arguments[index] != null ? arguments[index].getClass() : Object.class;
        continue;
      }
      if (node.isInIterable() && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
        order.add(node.getIndex());
        type = elementType(type);
      }
      if (kind == ElementKind.PROPERTY) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
        order.add(position(raw(type), node.getName()));
        type = propertyType(raw(type), node.getName());
      }
    }
    String name = field.isEmpty() ? (parameter != null ? parameter : "body") : field.toString();
    return new Named(new FieldViolation(name, violation.getMessage()), order);
  }

  private static int position(Class<?> type, String name) {
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(name)) {
          return i;
        }
      }
    }
    Field[] fields = type.getDeclaredFields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getName().equals(name)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static Type propertyType(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          return component.getGenericType();
        }
      }
    }
    try {
      return type.getDeclaredField(name).getGenericType();
    } catch (NoSuchFieldException e) {
      return Object.class;
    }
  }

  private static Type elementType(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
      return parameterized.getActualTypeArguments()[0];
    }
    return raw(type).isArray() ? raw(type).getComponentType() : Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
