package org.codeorg.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.WebappSession;
import org.codeorg.partnerships.web.IntakeRateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Tampered task completions, intake limits, token revocation and reissue, webapp access per group. */
class SecurityHardeningTest extends SpringIntegrationTest {

  @Autowired
  DistrictAccessTokens tokens;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  IntakeRateLimiter rateLimiter;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(baseUrl());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a variable the form does not have     | {\"reviewDecision\":{\"value\":\"ACCEPT\"},\"partnershipStage\":{\"value\":\"PLAN_APPROVED\"}} | partnershipStage",
      "a decision the form does not offer    | {\"reviewDecision\":{\"value\":\"APPROVE_EVERYTHING\"}}                                    | reviewDecision",
      "no decision                           | {\"reviewNotes\":{\"value\":\"looks fine\"}}                                              | reviewDecision",
      "decline without a reason              | {\"reviewDecision\":{\"value\":\"DECLINE\"}}                                               | declineReason",
      "a question left empty                 | {\"reviewDecision\":{\"value\":\"REQUEST_INFORMATION\"},\"informationRequest\":{\"value\":\" \"}} | informationRequest",
      "an oversized note                     | {\"reviewDecision\":{\"value\":\"ACCEPT\"},\"reviewNotes\":{\"value\":\"%LONG%\"}}          | reviewNotes",
  })
  void aTamperedCompletionIsRefusedAndTheTaskStaysOpen(String description, String variables, String field) {
    String reference = apply();
    String taskId = reviewTask(reference);
    String body = "{\"variables\":" + variables.replace("%LONG%", "x".repeat(2001)) + "}";

    Http.Response response = http.post("/engine-rest/task/" + taskId + "/complete", "manager:manager", body, Map.of());

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(partnerships.findByReference(reference).orElseThrow().getStage().name()).isEqualTo("APPLICATION_REVIEW");
  }

  @Test
  void aCompleteCompletionPassesTheGuardIncludingFieldsTheFormHides() {
    String taskId = reviewTask(apply());
    Http.Response declined = http.post("/engine-rest/task/" + taskId + "/complete", "manager:manager",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "DECLINE"),
            "declineReason", Map.of("value", "No course of the terms is offered"))), Map.of());
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);
  }

  @Test
  void tasklistSubmissionsAreCheckedToo() throws Exception {
    String taskId = reviewTask(apply());
    WebappSession tasklist = WebappSession.logIn(baseUrl(), "tasklist", "manager", "manager");
    assertThat(tasklist.loginStatus()).isEqualTo(200);

    HttpResponse<String> tampered = tasklist.postJson("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"ACCEPT\"},\"screeningResult\":{\"value\":\"ELIGIBLE\"}}}");

    assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
    assertThat(tampered.body()).contains("screeningResult");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void anOversizedApplicationIsRefusedWithoutReadingIt() {
    long before = partnerships.count();
    Map<String, Object> application = Http.application();
    application.put("padding", "x".repeat(4 * 1024 * 1024 + 1));
    Http.Response response = http.post("/api/applications", null, application, Map.of());
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(partnerships.count()).isEqualTo(before);
  }

  /**
   * The completion check and the intake limit look at the path the server routes, not at the raw
   * request line: an encoded letter or a path parameter must not walk around them.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"/%63omplete", "/complete;x=1", "/submit%2Dform"})
  void aCompletionUnderAnotherSpellingOfItsPathIsCheckedToo(String spelling) {
    String reference = apply();
    String taskId = reviewTask(reference);
    String body = "{\"variables\":{\"reviewDecision\":{\"value\":\"APPROVE_EVERYTHING\"}}}";

    Http.Response response = http.raw("POST", "/engine-rest/task/" + taskId + spelling, "manager:manager",
        "application/json", body, Map.of());

    assertThat(response.status()).as(response.body()).isIn(400, 404);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(partnerships.findByReference(reference).orElseThrow().getStage().name()).isEqualTo("APPLICATION_REVIEW");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/district/partnerships/DP-2026-0001;jsessionid=1?token=x", "/api/partnerships;jsessionid=x",
      "/api/partnerships/%2e%2e/x"})
  void aUrlTheFirewallRefusesIsAProblemToo(String path) {
    Http.Response response = http.raw("GET", path, "manager:manager", null, null, Map.of());

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/api/%61pplications", "/api/applications;x=1"})
  void theIntakeLimitHoldsUnderAnotherSpellingOfItsPath(String spelling) {
    int configured = rateLimiter.getRequestsPerMinute();
    rateLimiter.setRequestsPerMinute(2);
    try {
      int created = 0;
      for (int i = 0; i < 4; i++) {
        int status = http.raw("POST", spelling, null, "application/json", Http.JSON.valueToTree(Http.application()).toString(),
            Map.of()).status();
        assertThat(status).as("attempt %d", i + 1).isIn(201, 400, 429);
        created += status == 201 ? 1 : 0;
      }
      assertThat(created).as("applications accepted past a limit of 2 a minute").isLessThanOrEqualTo(2);
    } finally {
      rateLimiter.setRequestsPerMinute(configured);
    }
  }

  @Test
  void intakeIsRateLimitedPerClientWithRetryAfter() {
    int configured = rateLimiter.getRequestsPerMinute();
    rateLimiter.setRequestsPerMinute(3);
    try {
      for (int i = 0; i < 3; i++) {
        assertThat(http.post("/api/applications", null, Http.application(), Map.of()).status()).isEqualTo(201);
      }
      long before = partnerships.count();
      Http.Response limited = http.post("/api/applications", null, Http.application(), Map.of());
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(Integer.parseInt(http.headerOf(limited, "Retry-After"))).isBetween(1, 60);
      assertThat(partnerships.count()).isEqualTo(before);
    } finally {
      rateLimiter.setRequestsPerMinute(configured);
    }
  }

  @Test
  void apiAnswersCarrySecurityHeaders() {
    Http.Response response = http.post("/api/applications", null, "{}", Map.of());
    assertThat(http.headerOf(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(http.headerOf(response, "X-Frame-Options")).isEqualTo("DENY");
    assertThat(http.headerOf(response, "Content-Security-Policy")).contains("default-src 'none'");
  }

  @Test
  void aReissuedLinkKillsTheOldTokenAndTheNewOneWorks() {
    String reference = apply();
    String oldToken = tokens.tokenFor(reference, 1);
    Map<String, String> answer = Map.of("answer", "Two sections");
    assertThat(district(reference, oldToken, answer).status()).as("old token before").isEqualTo(409);

    Http.Response reissued = http.post("/api/partnerships/" + reference + "/access-token", "manager:manager",
        Map.of(), Map.of());
    assertThat(reissued.status()).isEqualTo(202);
    assertThat(reissued.body()).doesNotContain(tokens.tokenFor(reference, 2));

    assertThat(district(reference, oldToken, answer).status()).as("old token after").isEqualTo(404);
    assertThat(district(reference, tokens.tokenFor(reference, 2), answer).status()).as("new token").isEqualTo(409);
    Partnership p = partnerships.findByReference(reference).orElseThrow();
    assertThat(p.getTokenGeneration()).isEqualTo(2);
    assertThat(http.get("/api/partnerships/" + reference + "/emails", "manager:manager").body())
        .contains("ACCESS_LINK_REISSUED");
  }

  @Test
  void aClosedPartnershipsTokenIsRevokedAndCannotBeReissued() {
    String reference = apply();
    String token = tokens.tokenFor(reference, 1);
    http.post("/engine-rest/task/" + reviewTask(reference) + "/complete", "manager:manager",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "DECLINE"), "declineReason", Map.of("value", "x"))),
        Map.of());
    processEngine.getManagementService().createJobQuery().executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));

    assertThat(partnerships.findByReference(reference).orElseThrow().getStage().name()).isEqualTo("DECLINED");
    assertThat(district(reference, token, Map.of("answer", "x")).status()).isEqualTo(404);
    assertThat(http.post("/api/partnerships/" + reference + "/access-token", "manager:manager", Map.of(), Map.of())
        .status()).isEqualTo(409);
  }

  @ParameterizedTest(name = "{0} opens {1}: {2}")
  @CsvSource({
      "manager,tasklist,200", "manager,cockpit,200", "manager,admin,403",
      "pdmanager,cockpit,200", "evaluator,cockpit,403", "facilitator,cockpit,403", "liaison,tasklist,200",
      "evaluator,admin,403", "admin,admin,200"})
  void webappAccessFollowsTheGroups(String user, String app, int expected) throws Exception {
    assertThat(WebappSession.logIn(baseUrl(), app, user, user).loginStatus()).isEqualTo(expected);
  }

  private Http.Response district(String reference, String token, Object body) {
    return http.post("/api/partnerships/" + reference + "/information", null, body, Map.of("X-Partnership-Token", token));
  }

  private String apply() {
    Http.Response response = http.post("/api/applications", null, Http.application(), Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("reference").asText();
  }

  private String reviewTask(String reference) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }
}
