package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.codeorg.partnerships.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, input hygiene: a single-line field holding a line break ("\r\nBcc: …", the mail header
 * injection) or another control character is refused at every entry point — the JSON API, the
 * district pages, the Tasklist start form and task forms — with a 400 that names the field and
 * nothing written; a multi-line field keeps its line breaks.
 */
class ControlCharacterInputTest extends SpringIntegrationTest {

  private static final String HEADER_INJECTION = "Ana Ruiz\r\nBcc: everyone@evil.test";
  private static final String NUL = "Ana\u0000Ruiz";
  private static final List<String> TABLES = List.of("district", "partnership", "school", "course_section", "teacher",
      "school_leader", "email_outbox", "information_request", "comprehensive_plan", "partnership_event", "pd_phase",
      "workshop", "workshop_session", "evaluation_course_result", "program_evaluation", "ACT_RU_EXECUTION",
      "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB");

  /** One partnership at application review, shared by the cases that only need a reference and its token. */
  private static Applied applied;

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OutboxSender sender;

  private Http http;
  private DistrictJourney district;

  private record Applied(String reference, String token, long sectionId) {
  }

  @BeforeEach
  void partnership() {
    http = new Http(baseUrl());
    district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    if (applied == null) {
      applied = apply();
    }
  }

  static Stream<Arguments> singleLineFields() {
    return Stream.of("contact.name", "contact.email", "contact.phone", "district.name", "district.ncesId",
        "schoolYear", "schools[0].name", "schools[0].level", "courses[0].course", "courses[0].school", "teachers[0].name",
        "teachers[0].email", "leaders[0].name", "leaders[0].role")
        .flatMap(field -> Stream.of(Arguments.of(field, HEADER_INJECTION), Arguments.of(field, NUL)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("singleLineFields")
  void anApplicationWithAControlCharacterInASingleLineFieldIsRefusedNamingTheField(String field, String value) {
    ObjectNode application = Http.JSON.valueToTree(Http.application());
    put(application, field, value);
    Map<String, Long> before = counts();

    Http.Response response = http.post("/api/applications", null, application.toString(), Map.of());

    assertRefused(response, field, ControlCharacters.SINGLE_LINE);
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  static Stream<Arguments> districtEndpoints() {
    return Stream.of(
        Arguments.of("section set-up", "/sections/{section}/readiness", "room", ControlCharacters.SINGLE_LINE,
            HEADER_INJECTION),
        Arguments.of("section set-up", "/sections/{section}/readiness", "timeSlot", ControlCharacters.SINGLE_LINE, NUL),
        Arguments.of("section set-up", "/sections/{section}/readiness", "courseCode", ControlCharacters.SINGLE_LINE,
            "CSP-1\n"),
        Arguments.of("evaluation data", "/evaluation-data", "courses[0].course", ControlCharacters.SINGLE_LINE,
            "CSP\r\nBcc: everyone@evil.test"),
        Arguments.of("evaluation data", "/evaluation-data", "courses[0].course", ControlCharacters.SINGLE_LINE, "CSP\u0000"),
        Arguments.of("information answer", "/information", "answer", ControlCharacters.MULTI_LINE, "Period 3\u0000"),
        Arguments.of("information answer", "/information", "answer", ControlCharacters.MULTI_LINE, "Period\u001B[2J 3"),
        Arguments.of("plan", "/plan", "vision", ControlCharacters.MULTI_LINE, "CS for all\u0000"),
        Arguments.of("plan", "/plan", "communitySupport", ControlCharacters.MULTI_LINE, "Board\u007F support"),
        Arguments.of("renewal confirmation", "/renewal-confirmation", "newTeachers[0].name", ControlCharacters.SINGLE_LINE,
            HEADER_INJECTION),
        Arguments.of("renewal confirmation", "/renewal-confirmation", "sections[0].school", ControlCharacters.SINGLE_LINE,
            NUL));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("districtEndpoints")
  void aDistrictEndpointRefusesAControlCharacterNamingTheField(String endpoint, String path, String field,
      String message, String value) {
    ObjectNode body = Http.JSON.createObjectNode();
    switch (endpoint) {
      case "section set-up" -> body.put("timeSlot", "Period 1").put("room", "B-2").put("courseCode", "CSP-1")
          .put("oneToOneComputing", true).put("bandwidthMbps", 30).put("materialsReady", true);
      case "evaluation data" -> body.putArray("courses").addObject().put("course", "CSP").put("sectionsTaught", 2)
          .put("studentsEnrolled", 55).put("studentsCompleted", 50);
      case "plan" -> body.put("vision", "CS for all").put("implementation", "CSP in grade 11")
          .put("promotion", "Family night").put("communitySupport", "Board support");
      case "renewal confirmation" -> {
        body.putArray("teachers");
        body.putArray("newTeachers").addObject().put("name", "Noor Haddad").put("email", "noor@k12.test")
            .put("school", "Lincoln High").put("course", "CSP");
        body.putArray("sections").addObject().put("school", "Lincoln High").put("course", "CSP").put("sections", 2);
      }
      default -> body.put("answer", "Period 3");
    }
    put(body, field, value);
    Map<String, Long> before = counts();

    Http.Response response = http.post("/api/partnerships/" + applied.reference()
        + path.replace("{section}", String.valueOf(applied.sectionId())), null, body.toString(),
        Map.of("X-Partnership-Token", applied.token()));

    assertRefused(response, field, message);
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("workshopFields")
  void aWorkshopWithAControlCharacterInItsTitleOrPlaceIsRefused(String field, String value) {
    ObjectNode plan = Http.JSON.createObjectNode().put("course", "CSP").put("phase", 2).put("title", "Summer workshop")
        .put("region", "CA").put("location", "Tacoma Learning Center").put("capacity", 30);
    plan.putArray("sessions").addObject().put("startsAt", "2031-07-14T09:00:00-07:00")
        .put("endsAt", "2031-07-14T16:00:00-07:00");
    put(plan, field, value);
    Map<String, Long> before = counts();

    Http.Response response = http.post("/api/workshops", "pdmanager:pdmanager", plan.toString(), Map.of());

    assertRefused(response, field, ControlCharacters.SINGLE_LINE);
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  static Stream<Arguments> workshopFields() {
    return Stream.of(Arguments.of("title", "Summer\r\nBcc: everyone@evil.test"), Arguments.of("location", "Tacoma\u0000"),
        Arguments.of("region", "CA\r\n"), Arguments.of("course", "CSP\u2028"),
        Arguments.of("sessions[0].startsAt", "2031-07-14T09:00:00-07:00\r\nBcc: everyone@evil.test"));
  }

  @Test
  void anAnswerKeepsItsLineBreaks() {
    Applied asked = askAQuestion();
    String answer = "Period 3,\r\nroom B-2.\n\n\tThe counselor enrols the students.";

    Http.Response response = http.post("/api/partnerships/" + asked.reference() + "/information", null,
        Map.of("answer", answer), Map.of("X-Partnership-Token", asked.token()));

    assertThat(response.status()).as(response.body()).isEqualTo(202);
    assertThat(answerOf(asked)).isEqualTo(answer);
  }

  @Test
  void theStartFormRefusesAControlCharacterEvenAtTheEndOfAField() throws Exception {
    for (String contactName : List.of(HEADER_INJECTION, "Ana Ruiz\u0000", "Ana Ruiz\r\n")) {
      Map<String, Object> form = TestApplications.startForm();
      form.put("contactName", contactName);
      Map<String, Object> variables = new LinkedHashMap<>();
      form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      Map<String, Long> before = counts();

      Http.Response response = http.post("/engine-rest/process-definition/key/partnership-lifecycle/submit-form",
          "manager:manager", Map.of("variables", variables), Map.of());

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("contact.name " + ControlCharacters.SINGLE_LINE);
      assertThat(counts()).as("nothing written for " + contactName.length()).isEqualTo(before);
    }
  }

  @Test
  void aTaskFormsTextfieldRefusesControlCharactersOverRestAndTasklist() throws Exception {
    Applied accepted = apply();
    district.complete(district.openTask(accepted.reference(), "Task_ReviewApplication"), Map.of("reviewDecision", "ACCEPT"));
    district.runJobs(accepted.reference());
    String taskId = district.openTask(accepted.reference(), "Task_RecordSignedAgreement").get("id").asText();

    Http.Response overRest = http.post("/engine-rest/task/" + taskId + "/complete", "manager:manager",
        Map.of("variables", Map.of("signatoryName", Map.of("value", "Dr. Lee\r\nBcc: everyone@evil.test"),
            "agreementSignedOn", Map.of("value", "2027-03-01"))), Map.of());
    assertRefused(overRest, "signatoryName", ControlCharacters.SINGLE_LINE);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);

    WebappSession tasklist = WebappSession.logIn(baseUrl(), "tasklist", "manager", "manager");
    HttpResponse<String> inTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + taskId
        + "/submit-form", "{\"variables\":{\"signatoryName\":{\"value\":\"Dr.\\u0000Lee\"},"
        + "\"agreementSignedOn\":{\"value\":\"2027-03-01\"}}}");
    assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);
    assertThat(inTasklist.body()).contains("signatoryName " + ControlCharacters.SINGLE_LINE);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);
    assertThat(processEngine.getTaskService().getVariable(taskId, "signatoryName")).isNull();
  }

  @Test
  void aTaskFormsTextareaKeepsLineBreaksAndRefusesOtherControlCharactersEvenWhenHidden() {
    Applied reviewed = apply();
    String taskId = district.openTask(reviewed.reference(), "Task_ReviewApplication").get("id").asText();

    Http.Response hiddenNul = http.post("/engine-rest/task/" + taskId + "/complete", "manager:manager",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "ACCEPT"),
            "declineReason", Map.of("value", "not\u0000shown"))), Map.of());
    assertRefused(hiddenNul, "declineReason", ControlCharacters.MULTI_LINE);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);

    String reason = "No course of the terms is offered.\r\n\r\nApply again\tnext year.";
    Http.Response declined = http.post("/engine-rest/task/" + taskId + "/complete", "manager:manager",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "DECLINE"),
            "declineReason", Map.of("value", reason))), Map.of());
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstance(reviewed.reference())).variableName("declineReason").singleResult().getValue())
        .isEqualTo(reason);
  }

  @Test
  void theApplicationPageShowsTheErrorNextToTheField() {
    for (String name : List.of(HEADER_INJECTION, "Ana Ruiz\u0000")) {
      Map<String, String> fields = pageFields();
      fields.put("contact.name", name);
      Map<String, Long> before = counts();

      Http.Response page = http.postForm("/district/apply", fields);

      assertThat(page.status()).isEqualTo(400);
      assertThat(page.body()).contains("href=\"#contact-name\"", "id=\"contact-name-error\"",
          "Contact name: " + ControlCharacters.SINGLE_LINE, "Error: " + ControlCharacters.SINGLE_LINE,
          "aria-invalid=\"true\"");
      assertThat(counts()).as("nothing written").isEqualTo(before);
    }
  }

  @Test
  void theTokenPageShowsTheErrorNextToTheFieldAndKeepsTheAnswersLineBreaks() {
    Applied asked = askAQuestion();
    String page = "/district/partnerships/" + asked.reference();
    Map<String, Long> before = counts();

    Http.Response refused = http.postForm(page + "/information", Map.of("token", asked.token(),
        "answer", "Period 3\u0000"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("href=\"#answer\"", "id=\"answer-error\"",
        "Answer: " + ControlCharacters.MULTI_LINE, "Error: " + ControlCharacters.MULTI_LINE, "aria-invalid=\"true\"");
    assertThat(counts()).as("nothing written").isEqualTo(before);

    String answer = "Period 3,\r\nroom B-2.";
    assertThat(http.postForm(page + "/information", Map.of("token", asked.token(), "answer", answer)).status())
        .isEqualTo(302);
    assertThat(answerOf(asked)).isEqualTo(answer);
  }

  private Applied apply() {
    Map<String, Object> application = Http.application();
    Http.Response response = http.post("/api/applications", null, application, Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String reference = response.json().get("reference").asText();
    district.runJobs(reference);
    String token = district.tokenOf((String) ((Map<?, ?>) application.get("contact")).get("email"), reference);
    long section = jdbc.queryForObject("SELECT MIN(s.id) FROM course_section s JOIN partnership p"
        + " ON p.id = s.partnership_id WHERE p.reference = ?", Long.class, reference);
    return new Applied(reference, token, section);
  }

  /** A partnership whose reviewer asked a question (of two lines) that the district has not answered yet. */
  private Applied askAQuestion() {
    Applied asked = apply();
    district.complete(district.openTask(asked.reference(), "Task_ReviewApplication"),
        Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequest", "Which period?\nAnd which room?"));
    district.runJobs(asked.reference());
    return asked;
  }

  private String answerOf(Applied asked) {
    return jdbc.queryForObject("SELECT r.answer FROM information_request r JOIN partnership p"
        + " ON p.id = r.partnership_id WHERE p.reference = ?", String.class, asked.reference());
  }

  private String processInstance(String reference) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("partnership-lifecycle").singleResult().getId();
  }

  /** The application page's fields of a valid application, as a browser posts them. */
  private static Map<String, String> pageFields() {
    Map<String, Object> start = TestApplications.startForm();
    String school = (String) start.get("schoolName");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("district.name", (String) start.get("districtName"));
    fields.put("district.ncesId", (String) start.get("districtNcesId"));
    fields.put("district.state", "CA");
    fields.put("schoolYear", "2027-2028");
    fields.put("contact.name", (String) start.get("contactName"));
    fields.put("contact.email", (String) start.get("contactEmail"));
    fields.put("schools[0].name", school);
    fields.put("schools[0].level", "HIGH");
    fields.put("courses[0].course", "CSP");
    fields.put("courses[0].school", school);
    fields.put("courses[0].sections", "2");
    fields.put("teachers[0].name", (String) start.get("teacherName"));
    fields.put("teachers[0].email", (String) start.get("teacherEmail"));
    fields.put("teachers[0].school", school);
    fields.put("teachers[0].course", "CSP");
    fields.put("technology.oneToOneComputing", "true");
    fields.put("technology.bandwidthMbps", "25");
    return fields;
  }

  /** Sets {@code path} ("teachers[0].name") in a JSON object. */
  private static void put(ObjectNode root, String path, String value) {
    ObjectNode node = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) child(node, parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  private static JsonNode child(ObjectNode node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return node.get(part);
    }
    return ((ArrayNode) node.get(part.substring(0, bracket))).get(Integer.parseInt(part.substring(bracket + 1,
        part.length() - 1)));
  }

  private static void assertRefused(Http.Response response, String field, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    List<String> said = new java.util.ArrayList<>();
    response.json().get("errors").forEach(e -> said.add(e.get("field").asText() + " " + e.get("message").asText()));
    assertThat(said).contains(field + " " + message);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    return counts;
  }
}
