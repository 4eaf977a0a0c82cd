package org.codeorg.partnerships.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON values are taken as typed. {@code application.yaml} switches off Jackson's number and
 * boolean coercions (2.5 → 2, "2" → 2, 1 → true); this adds the one it has no property for: a
 * number or boolean where text is expected ({@code "name": 5}) is an error too. Each becomes a 400
 * naming its field ({@link ApiProblems}). Camunda's REST API has its own object mapper and is not
 * affected.
 */
@Configuration
class StrictJsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarToTextCoercion() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
