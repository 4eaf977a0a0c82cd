package org.codeorg.partnerships.web;

import java.lang.annotation.Annotation;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.codeorg.partnerships.common.ApiSchemes;
import org.codeorg.partnerships.common.OneOf;
import org.codeorg.partnerships.common.OneOfValidator;
import org.codeorg.partnerships.partnership.DistrictToken;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): what the API
 * is, and its two ways in — HTTP Basic for staff, the partnership token for districts. Each
 * endpoint names the scheme it needs with {@code @SecurityRequirement} next to its mapping.
 */
@Configuration
public class ApiDocumentation {

  /** The version of the HTTP contract (README, "HTTP API"), not of the build: it changes when clients must. */
  static final String CONTRACT_VERSION = "1.0";

  static {
    // Filled from the request by DistrictTokenArguments; the security scheme documents it.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(DistrictToken.class);
  }

  @Bean
  OpenAPI partnershipApi() {
    return new OpenAPI()
        .info(new Info().title("District Partnership Orchestrator API").version(CONTRACT_VERSION)
            .description("A school district applies for a Code.org partnership and follows it through its lifecycle: "
                + "plan, professional development, classroom set-up, evaluation. Errors are RFC 9457 problem details "
                + "(application/problem+json) with an `errors` list of {field, message}; bad input never writes."))
        .components(new Components()
            .addSecuritySchemes(ApiSchemes.STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Camunda user of a staff group (the same log-in as Tasklist and Cockpit)."))
            .addSecuritySchemes(ApiSchemes.DISTRICT_TOKEN, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(DistrictToken.HEADER)
                .description("The partnership's token from the district's emails. The emailed links carry it as "
                    + "query parameter `" + DistrictToken.QUERY + "` instead.")));
  }

  /** Every POST of the API takes the {@value IdempotencyKeys#HEADER} header of {@link IdempotencyKeys}. */
  @Bean
  OperationCustomizer idempotencyKeyHeader() {
    return (operation, handler) -> {
      boolean post = handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
      if (post) {
        operation.addParametersItem(new Parameter().in("header").name(IdempotencyKeys.HEADER).required(false)
            .schema(new StringSchema().maxLength(200))
            .description("Optional, e.g. a UUID. A repeat with the same key, path and body within 24 hours gets the "
                + "first answer (header Idempotent-Replayed: true) without running again; the same key with another "
                + "path or body is 422."));
      }
      return operation;
    };
  }

  /** A code field checked with {@link OneOf} is documented with its enum's constants. */
  @Bean
  PropertyCustomizer oneOfEnums() {
    return (property, type) -> {
      Annotation[] annotations = type.getCtxAnnotations();
      if (annotations == null || property == null) {
        return property;
      }
      for (Annotation annotation : annotations) {
        if (annotation instanceof OneOf oneOf) {
          List<String> names = OneOfValidator.names(oneOf.value());
          @SuppressWarnings("unchecked")
          Schema<String> codes = (Schema<String>) property;
          codes.setEnum(names);
        }
      }
      return property;
    };
  }
}
