package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.application.PartnershipApplication;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input to the district API: a 400 problem+json naming the field, never a 5xx, nothing written. */
class IntakeValidationTest extends SpringIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(baseUrl());
  }

  static Stream<Arguments> badApplications() {
    return Stream.of(
        bad("missing district", "district", a -> a.remove("district")),
        bad("missing contact", "contact", a -> a.remove("contact")),
        bad("bad contact email", "contact.email", a -> ((ObjectNode) a.get("contact")).put("email", "ana.ruiz")),
        bad("unknown course", "courses[0].course", a -> course(a).put("course", "PYTHON")),
        bad("elementary course at a high school", "courses[0].course", a -> course(a).put("course", "CSF")),
        bad("no teacher for a course", "teachers", a -> ((ArrayNode) a.get("teachers")).removeAll()),
        bad("negative bandwidth", "technology.bandwidthMbps",
            a -> ((ObjectNode) a.get("technology")).put("bandwidthMbps", -1)),
        bad("teacher at an unknown school", "teachers[0].school",
            a -> ((ObjectNode) a.get("teachers").get(0)).put("school", "Nowhere High")),
        bad("school year", "schoolYear", a -> a.put("schoolYear", "2027/28")),
        bad("no sections", "courses[0].sections", a -> course(a).put("sections", 0)),
        bad("unknown school level", "schools[0].level", a -> ((ObjectNode) a.get("schools").get(0)).put("level", "HIGHER")),
        bad("sections not a number", "courses[0].sections", a -> course(a).put("sections", "two")),
        bad("one-to-one computing not a boolean", "technology.oneToOneComputing",
            a -> ((ObjectNode) a.get("technology")).put("oneToOneComputing", "yes")),
        bad("technology not an object", "technology", a -> a.put("technology", "fast")),
        // No silent coercion: a JSON value of another type is an error, not a guess.
        bad("sections a fraction", "courses[0].sections", a -> course(a).put("sections", 2.5)),
        bad("sections a string of digits", "courses[0].sections", a -> course(a).put("sections", "2")),
        bad("one-to-one computing a number", "technology.oneToOneComputing",
            a -> ((ObjectNode) a.get("technology")).put("oneToOneComputing", 1)),
        bad("one-to-one computing a string", "technology.oneToOneComputing",
            a -> ((ObjectNode) a.get("technology")).put("oneToOneComputing", "true")),
        bad("district name a number", "district.name", a -> ((ObjectNode) a.get("district")).put("name", 5)),
        bad("huge district name", "district.name", a -> ((ObjectNode) a.get("district")).put("name", "x".repeat(5000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void aBadApplicationIsRefusedWithItsFieldAndWritesNothing(String description, String field, Consumer<ObjectNode> breakIt) {
    ObjectNode application = Http.JSON.valueToTree(Http.application());
    breakIt.accept(application);
    long[] before = counts();

    Http.Response response = http.post("/api/applications", null, application.toString(), Map.of());

    assertProblem(response, 400, field);
    assertThat(counts()).as("rows and instances after: " + description).containsExactly(before);
  }

  @Test
  void aValueOfTheWrongJsonTypeIsNamedWithWhatItMustBe() {
    ObjectNode application = Http.JSON.valueToTree(Http.application());
    ((ObjectNode) application.get("technology")).put("oneToOneComputing", "yes");

    Http.Response response = http.post("/api/applications", null, application.toString(), Map.of());

    assertProblem(response, 400, "technology.oneToOneComputing");
    assertThat(response.json().get("errors")).hasSize(1);
    assertThat(response.json().get("errors").get(0).get("message").asText()).isEqualTo("must be true or false");
  }

  @Test
  void malformedOrEmptyBodiesAreBadRequests() {
    long[] before = counts();
    assertProblem(http.post("/api/applications", null, "{\"district\": ", Map.of()), 400, "body");
    assertProblem(http.post("/api/applications", null, "", Map.of()), 400, "body");
    Http.Response empty = http.post("/api/applications", null, "{}", Map.of());
    assertProblem(empty, 400, "district");
    assertThat(empty.json().get("errors").toString()).contains("contact", "schoolYear", "schools", "courses");
    assertThat(counts()).containsExactly(before);
  }

  /**
   * A large district (300 teachers, the most a 64 KB body holds with room to spare): the
   * reviewer's summaries exceed the 4,000 characters of a Camunda string variable, so they are
   * shortened instead of failing the registration (found by the lifecycle benchmark, docs/performance.md, on a
   * 100-teacher workshop roster).
   */
  @Test
  void aLargeDistrictIsRegisteredWithItsSummariesShortenedToFitTheEngine() {
    Map<String, Object> application = Http.application();
    String school = (String) ((Map<?, ?>) ((List<?>) application.get("schools")).get(0)).get("name");
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    List<Map<String, Object>> teachers = new java.util.ArrayList<>();
    for (int t = 0; t < 300; t++) {
      teachers.add(Map.of("name", "Teacher Number " + t, "email", "t" + t + "." + nces + "@k12.test", "school", school,
          "course", "CSP"));
    }
    application.put("teachers", teachers);

    Http.Response response = http.post("/api/applications", null, application, Map.of());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String reference = response.json().get("reference").asText();
    String summary = (String) processEngine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(processEngine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(reference).singleResult().getId())
        .variableName("teachersSummary").singleResult().getValue();
    assertThat(summary).startsWith("300 teacher(s): Teacher Number 0 (CSP), Teacher Number 1 (CSP)")
        .contains("the full list is in the partnership's staff view").hasSizeLessThanOrEqualTo(4000);
  }

  /**
   * {@code POST /api/applications} at the limits it states: 100 schools and 2,000 teachers with long names
   * (over 1 MB of JSON, far past the 64 KB of the rest of the API) are registered; a body over the
   * application limit (4 MB) is a 413 problem+json and writes nothing.
   */
  @Test
  void anApplicationAtItsLimitsIsAcceptedAndALargerBodyIsA413() {
    Map<String, Object> application = Http.application();
    String nces = (String) ((Map<?, ?>) application.get("district")).get("ncesId");
    String longName = " " + "x".repeat(180);
    List<Map<String, Object>> schools = new java.util.ArrayList<>();
    List<Map<String, Object>> courses = new java.util.ArrayList<>();
    for (int s = 0; s < PartnershipApplication.MAX_SCHOOLS; s++) {
      schools.add(Map.of("name", "High School " + s + longName, "level", "HIGH"));
      courses.add(Map.of("course", "CSP", "school", "High School " + s + longName, "sections", 2));
    }
    List<Map<String, Object>> teachers = new java.util.ArrayList<>();
    for (int t = 0; t < PartnershipApplication.MAX_TEACHERS; t++) {
      teachers.add(Map.of("name", "Teacher Number " + t + longName, "email", "t" + t + "." + nces + "@k12.test",
          "school", "High School " + (t % PartnershipApplication.MAX_SCHOOLS) + longName, "course", "CSP"));
    }
    application.put("schools", schools);
    application.put("courses", courses);
    application.put("teachers", teachers);
    application.put("leaders", List.of());
    int bytes = Http.JSON.valueToTree(application).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(bytes).as("body size").isGreaterThan(900_000);

    Http.Response accepted = http.post("/api/applications", null, application, Map.of());

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher t JOIN partnership p ON p.id = t.partnership_id "
        + "WHERE p.reference = ?", Long.class, accepted.json().get("reference").asText())).isEqualTo(2000L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM school s JOIN partnership p ON p.id = s.partnership_id "
        + "WHERE p.reference = ?", Long.class, accepted.json().get("reference").asText())).isEqualTo(100L);

    long[] before = counts();
    Map<String, Object> tooLarge = Http.application();
    tooLarge.put("padding", "x".repeat(4 * 1024 * 1024));
    Http.Response refused = http.post("/api/applications", null, tooLarge, Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).contains("4194304 bytes");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void aSecondApplicationForTheSameDistrictAndYearIsAConflictNamingTheFirst() {
    Map<String, Object> application = Http.application();
    Http.Response first = http.post("/api/applications", null, application, Map.of());
    assertThat(first.status()).isEqualTo(201);
    long[] before = counts();

    Http.Response again = http.post("/api/applications", null, application, Map.of());

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("reference").asText()).isEqualTo(first.json().get("reference").asText());
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void districtEndpointsRefuseUnknownPartnershipsAndBadTokensAlike() {
    String reference = http.post("/api/applications", null, Http.application(), Map.of()).json().get("reference").asText();
    Map<String, String> plan = Map.of("vision", "v", "implementation", "i", "promotion", "p", "communitySupport", "c");

    Http.Response noToken = http.post("/api/partnerships/" + reference + "/plan", null, plan, Map.of());
    Http.Response badToken = http.post("/api/partnerships/" + reference + "/plan", null, plan,
        Map.of("X-Partnership-Token", "not-the-token"));
    Http.Response unknown = http.post("/api/partnerships/DP-1999-0001/plan", null, plan,
        Map.of("X-Partnership-Token", "not-the-token"));

    for (Http.Response response : List.of(noToken, badToken, unknown)) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comprehensive_plan p JOIN partnership s ON s.id = p.partnership_id "
        + "WHERE s.reference = ?", Long.class, reference)).isZero();
  }

  @Test
  void staffViewsNeedStaffCredentials() {
    if (identityService.createUserQuery().userId("outsider").count() == 0) {
      User outsider = identityService.newUser("outsider");
      outsider.setPassword("outsider-password");
      identityService.saveUser(outsider);
    }
    assertProblem(http.get("/api/partnerships", null), 401, null);
    assertProblem(http.get("/api/partnerships", "outsider:outsider-password"), 403, null);
    assertThat(http.get("/api/partnerships", "evaluator:evaluator").status()).isEqualTo(200);
    assertProblem(http.get("/api/partnerships?stage=NO_SUCH_STAGE", "manager:manager"), 400, "stage");
    assertProblem(http.get("/api/partnerships/DP-1999-0001", "manager:manager"), 404, null);
  }

  private long[] counts() {
    return new long[] {
        count("partnership"), count("district"), count("email_outbox"), count("partnership_event"),
        processEngine.getRuntimeService().createProcessInstanceQuery().count()};
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL");
    if (field != null) {
      List<String> fields = problem.get("errors").findValuesAsText("field");
      assertThat(fields).contains(field);
    }
  }

  private static ObjectNode course(ObjectNode application) {
    return (ObjectNode) application.get("courses").get(0);
  }

  private static Arguments bad(String description, String field, Consumer<ObjectNode> breakIt) {
    return Arguments.of(description, field, breakIt);
  }
}
