package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.codeorg.partnerships.common.MultiLine;
import org.codeorg.partnerships.common.SingleLine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Every text field of every request body says whether it is one line or prose ({@code @SingleLine}
 * or {@code @MultiLine}), so that a new field cannot take control characters unnoticed (issue 18).
 */
class RequestTextConventionTest {

  @Test
  void everyTextFieldOfARequestBodyIsSingleLineOrMultiLine() throws Exception {
    Set<Class<?>> records = new LinkedHashSet<>();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    for (BeanDefinition controller : scanner.findCandidateComponents("org.codeorg.partnerships")) {
      for (Method method : ClassUtils.forName(controller.getBeanClassName(), null).getDeclaredMethods()) {
        for (Parameter parameter : method.getParameters()) {
          if (parameter.isAnnotationPresent(RequestBody.class)) {
            collect(parameter.getParameterizedType(), records);
          }
        }
      }
    }
    List<String> unmarked = new ArrayList<>();
    for (Class<?> record : records) {
      for (RecordComponent component : record.getRecordComponents()) {
        // The constraints target fields (not record components), so they sit on the component's field.
        Field field = record.getDeclaredField(component.getName());
        if (component.getType() == String.class && !field.isAnnotationPresent(SingleLine.class)
            && !field.isAnnotationPresent(MultiLine.class)) {
          unmarked.add(record.getName() + "." + component.getName());
        }
      }
    }

    assertThat(records).as("request records found").hasSizeGreaterThanOrEqualTo(7);
    assertThat(unmarked).as("text fields without @SingleLine or @MultiLine").isEmpty();
  }

  /** The record and the records it holds, in fields and in lists. */
  private static void collect(Type type, Set<Class<?>> records) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        collect(argument, records);
      }
      return;
    }
    if (type instanceof Class<?> c && c.isRecord() && records.add(c)) {
      for (RecordComponent component : c.getRecordComponents()) {
        collect(component.getGenericType(), records);
      }
    }
  }
}
