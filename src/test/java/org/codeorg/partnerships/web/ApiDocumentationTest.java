package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the API is and how each kind of client gets in. */
class ApiDocumentationTest extends SpringIntegrationTest {

  @Test
  void theDocumentNamesTheApiItsTwoSecuritySchemesAndWhichOperationNeedsWhich() {
    Http.Response response = new Http(baseUrl()).get("/v3/api-docs", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode doc = response.json();

    assertThat(doc.at("/info/title").asText()).isEqualTo("District Partnership Orchestrator API");
    assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
    JsonNode schemes = doc.at("/components/securitySchemes");
    assertThat(schemes.at("/staffBasic/type").asText()).isEqualTo("http");
    assertThat(schemes.at("/staffBasic/scheme").asText()).isEqualTo("basic");
    assertThat(schemes.at("/districtToken/type").asText()).isEqualTo("apiKey");
    assertThat(schemes.at("/districtToken/in").asText()).isEqualTo("header");
    assertThat(schemes.at("/districtToken/name").asText()).isEqualTo("X-Partnership-Token");

    JsonNode plan = doc.at("/paths/~1api~1partnerships~1{reference}~1plan/post");
    assertThat(plan.at("/security/0").has("districtToken")).as(plan.toString()).isTrue();
    assertThat(plan.at("/summary").asText()).isNotBlank();
    assertThat(doc.at("/paths/~1api~1workshops/post/security/0").has("staffBasic")).isTrue();
    assertThat(doc.at("/paths/~1api~1applications/post/security").isMissingNode()
        || doc.at("/paths/~1api~1applications/post/security").isEmpty()).as("applying needs no credentials").isTrue();
    assertThat(plan.toString()).as("the token is a scheme, not a parameter").doesNotContain("\"name\":\"token\"");

    JsonNode example = doc.at("/paths/~1api~1applications/post/requestBody/content/application~1json/examples");
    assertThat(example.toString()).contains("Riverbend Unified");
    assertThat(doc.at("/components/schemas/CourseOffer/properties/course/enum").toString())
        .as(doc.at("/components/schemas/CourseOffer").toString())
        .contains("ECS", "CSP", "CSF");
  }

  /** The README's curl example posts docs/examples/application.json: it is the documented example, and it is accepted. */
  @Test
  void theExampleApplicationInTheRepositoryIsTheDocumentedOneAndIsAccepted() throws Exception {
    JsonNode file = Http.JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("docs/examples/application.json")));
    Http http = new Http(baseUrl());
    JsonNode documented = http.get("/v3/api-docs", null).json()
        .at("/paths/~1api~1applications/post/requestBody/content/application~1json/examples");
    JsonNode value = documented.elements().next().get("value");
    assertThat(value.isTextual() ? Http.JSON.readTree(value.asText()) : value).isEqualTo(file);

    Http.Response created = http.post("/api/applications", null, file, java.util.Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("reference").asText()).matches("DP-\\d{4}-\\d{4}");
  }
}
