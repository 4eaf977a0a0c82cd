package org.codeorg.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.codeorg.partnerships.identity.DemoUsers;
import org.codeorg.partnerships.identity.DemoUsers.DemoUser;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;

import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what: each demo user, anonymous callers and district tokens against the staff API,
 * the Camunda REST API, the webapps, the district endpoints and the actuator. One row per cell.
 */
class AccessMatrixTest extends SpringIntegrationTest {

  @Autowired
  DistrictAccessTokens tokens;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMappings;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(baseUrl());
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      // staff API: any staff group reads; nobody anonymous
      "anonymous   | GET  | /api/partnerships                                   | 401",
      "admin       | GET  | /api/partnerships                                   | 200",
      "manager     | GET  | /api/partnerships                                   | 200",
      "pdmanager   | GET  | /api/partnerships                                   | 200",
      "facilitator | GET  | /api/partnerships                                   | 200",
      "evaluator   | GET  | /api/partnerships                                   | 200",
      "liaison     | GET  | /api/partnerships                                   | 200",
      "anonymous   | GET  | /api/partnerships/{ref}/emails                      | 401",
      "liaison     | GET  | /api/partnerships/{ref}/emails                      | 200",
      // reissuing a district link: partnership managers and admins only
      "anonymous   | POST | /api/partnerships/{ref}/access-token                | 401",
      "evaluator   | POST | /api/partnerships/{ref}/access-token                | 403",
      "pdmanager   | POST | /api/partnerships/{ref}/access-token                | 403",
      "manager     | POST | /api/partnerships/{ref}/access-token                | 202",
      "admin       | POST | /api/partnerships/{ref}/access-token                | 202",
      // Camunda REST: authenticated everywhere; deploying and changing identities is admin's
      "anonymous   | GET  | /engine-rest/task                                   | 401",
      "anonymous   | GET  | /engine-rest/process-definition                     | 401",
      "evaluator   | GET  | /engine-rest/task                                   | 200",
      "manager     | POST | /engine-rest/user/create                            | 403",
      "evaluator   | POST | /engine-rest/group/create                           | 403",
      "admin       | GET  | /engine-rest/user/manager/profile                   | 200",
      "evaluator   | POST | /engine-rest/process-definition/key/partnership-lifecycle/start | 403",
      // migrating running partnerships (Tasklist start form): camunda-admin only (MigrationStartFormTest starts it)
      "manager     | POST | /engine-rest/process-definition/key/migrate-running-partnerships/start | 403",
      "pdmanager   | POST | /engine-rest/process-definition/key/migrate-running-partnerships/submit-form | 403",
      // task completion: only the task's candidate group
      "evaluator   | POST | /engine-rest/task/{reviewTask}/complete             | 403",
      "facilitator | POST | /engine-rest/task/{reviewTask}/complete             | 403",
      "manager     | POST | /engine-rest/task/{reviewTask}/complete             | 204",
      // district endpoints: the partnership's own token only, no hint otherwise
      "own-token   | POST | /api/partnerships/{ref}/information                 | 409",
      "other-token | POST | /api/partnerships/{ref}/information                 | 404",
      "no-token    | POST | /api/partnerships/{ref}/plan                        | 404",
      "other-token | POST | /api/partnerships/{ref}/plan                        | 404",
      "own-token   | POST | /api/partnerships/{ref}/plan                        | 409",
      "own-token   | POST | /api/partnerships/{ref}/renewal-confirmation        | 409",
      "other-token | POST | /api/partnerships/{ref}/renewal-confirmation        | 404",
      "no-token    | POST | /api/partnerships/{ref}/renewal-confirmation        | 404",
      "manager     | POST | /api/partnerships/{ref}/renewal-confirmation        | 404",
      "anonymous   | POST | /api/applications                                   | 201",
      // staff credentials are no district token
      "manager     | POST | /api/partnerships/{ref}/plan                        | 404",
      // the district's PD hours report and certificates: its own token only
      "own-token   | GET  | /district/partnerships/{ref}/pd-hours               | 200",
      "own-token   | GET  | /district/partnerships/{ref}/pd-hours.csv           | 200",
      "no-token    | GET  | /district/partnerships/{ref}/pd-hours               | 404",
      "other-token | GET  | /district/partnerships/{ref}/pd-hours.csv           | 404",
      "manager     | GET  | /district/partnerships/{ref}/pd-hours.csv           | 404",
      "own-token   | GET  | /district/partnerships/{ref}/teachers/1/certificate.pdf | 404",
      // a certificate's verification page is public; an unknown code is a 404 page
      "anonymous   | GET  | /certificates/AAAAAAAAAAAAAAAAAAAAAA                | 404",
      "admin       | GET  | /certificates/not-a-code                            | 404",
      // a workshop seat's give-up page is public by its token; an unknown token is a 404 page, never a log-in
      "anonymous   | GET  | /district/seats/AAAAAAAAAAAAAAAAAAAAAA              | 404",
      "anonymous   | POST | /district/seats/AAAAAAAAAAAAAAAAAAAAAA              | 404",
      "manager     | POST | /district/seats/not-a-token                         | 404",
      "anonymous   | PUT  | /district/seats/AAAAAAAAAAAAAAAAAAAAAA              | 404",
      // a failed email's retry: partnership managers; online PD completion: PD managers
      "evaluator   | POST | /api/partnerships/{ref}/emails/1/retry              | 403",
      "anonymous   | POST | /api/partnerships/{ref}/teachers/1/pd-phases/1/completion | 401",
      "manager     | POST | /api/partnerships/{ref}/teachers/1/pd-phases/1/completion | 403",
      // workshop changes: PD managers (and admins) only
      "anonymous   | POST | /api/workshops/WS-99999/cancellation                | 401",
      "manager     | POST | /api/workshops/WS-99999/cancellation                | 403",
      "facilitator | POST | /api/workshops/WS-99999/cancellation                | 403",
      "liaison     | POST | /api/workshops                                      | 403",
      // actuator: health for anyone, metrics and info for administrators only
      "anonymous   | GET  | /actuator/health                                    | 200",
      "anonymous   | GET  | /actuator/health/readiness                          | 200",
      "anonymous   | GET  | /actuator/metrics                                   | 401",
      "manager     | GET  | /actuator/metrics                                   | 403",
      "admin       | GET  | /actuator/metrics                                   | 200",
      "anonymous   | GET  | /actuator/metrics/jvm.memory.used                   | 401",
      "pdmanager   | GET  | /actuator/metrics/jvm.memory.used                   | 403",
      "admin       | GET  | /actuator/metrics/jvm.memory.used                   | 200",
      "anonymous   | GET  | /actuator/info                                      | 401",
      "manager     | GET  | /actuator/info                                      | 403",
      "admin       | GET  | /actuator/info                                      | 200",
      // the default start's mailbox and demo clock: administrators only
      "anonymous   | GET  | /demo/mailbox                                       | 401",
      "manager     | GET  | /demo/mailbox                                       | 403",
      "admin       | GET  | /demo/mailbox                                       | 200",
      "anonymous   | GET  | /demo/clock                                         | 401",
      "pdmanager   | GET  | /demo/clock                                         | 403",
      "admin       | GET  | /demo/clock                                         | 200",
  })
  void cell(String caller, String method, String pathTemplate, int expected) {
    String ref = apply();
    String path = pathTemplate.replace("{ref}", ref);
    if (path.contains("{reviewTask}")) {
      path = path.replace("{reviewTask}", processEngine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(ref).singleResult().getId());
    }
    String credentials = switch (caller) {
      case "anonymous", "own-token", "other-token", "no-token" -> null;
      default -> caller + ":" + caller;
    };
    Map<String, String> headers = switch (caller) {
      case "own-token" -> Map.of("X-Partnership-Token", tokens.tokenFor(ref, 1));
      case "other-token" -> Map.of("X-Partnership-Token", tokens.tokenFor(apply(), 1));
      default -> Map.of();
    };
    Object body = bodyFor(path);

    Http.Response response = "GET".equals(method) ? http.raw("GET", path, credentials, null, null, headers)
        : http.post(path, credentials, body, headers);

    assertThat(response.status()).as(caller + " " + method + " " + path + ": " + response.body()).isEqualTo(expected);
    if (!path.startsWith("/engine-rest/") && (expected == 401 || expected == 403)) {
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    if (!path.startsWith("/engine-rest/") && expected == 401) {
      assertThat(http.headerOf(response, "WWW-Authenticate")).startsWith("Basic ");
    }
  }

  static List<DemoUser> demoUsers() {
    return DemoUsers.USERS;
  }

  /**
   * A task is visible only to its candidate groups and its assignee: over REST and through every
   * Tasklist filter, each demo user sees exactly the open tasks of their group or assigned to
   * them — the sample partnerships' and those the other tests left open.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void eachStaffMemberSeesExactlyTheTasksOfTheirGroupAndTheirOwn(DemoUser user) {
    String credentials = user.id() + ":" + user.id();
    Set<String> visible = visibleTo(user);

    Set<String> overRest = ids(http.get("/engine-rest/task?maxResults=10000", credentials));
    assertThat(overRest).as(user.id() + " over REST").isEqualTo(visible);

    TaskService tasks = processEngine.getTaskService();
    for (Filter filter : processEngine.getFilterService().createFilterQuery().list()) {
      Set<String> listed = ids(http.post("/engine-rest/filter/" + filter.getId() + "/list?maxResults=10000",
          credentials, Map.of(), Map.of()));
      Set<String> expected = new TreeSet<>(switch (filter.getName()) {
        case "My tasks" -> ids(tasks.createTaskQuery().taskAssignee(user.id()).list());
        case "My groups' tasks" -> ids(tasks.createTaskQuery().taskCandidateGroup(user.group()).list());
        // Filters whose criteria do not depend on the reader: what an administrator sees, narrowed to the visible.
        default -> ids(http.post("/engine-rest/filter/" + filter.getId() + "/list?maxResults=10000", "admin:admin",
            Map.of(), Map.of()));
      });
      expected.retainAll(visible);
      assertThat(listed).as(user.id() + " in filter '" + filter.getName() + "'").isEqualTo(expected);
    }
  }

  /** The sample partnerships' tasks, which pd-managers once saw all of through a definition-wide READ_TASK. */
  @Test
  void theSamplePartnershipsTasksAreVisibleToTheirGroupOnly() {
    Set<String> reviews = new TreeSet<>();
    for (String district : List.of("Springfield Unified", "Lakeview Elementary District", "Hill Valley Unified",
        "Riverside County Schools", "Cedar Grove Schools", "Maple Ridge Unified")) {
      reviews.addAll(ids(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewApplication")
          .processVariableValueEquals(LifecycleProcess.VAR_DISTRICT_NAME, district).list()));
    }
    assertThat(reviews).as("sample review tasks").isNotEmpty();

    assertThat(ids(http.get("/engine-rest/task?taskDefinitionKey=Task_ReviewApplication&maxResults=10000",
        "manager:manager"))).containsAll(reviews);
    for (String other : List.of("pdmanager", "facilitator", "evaluator", "liaison")) {
      Set<String> seen = ids(http.get("/engine-rest/task?maxResults=10000", other + ":" + other));
      assertThat(seen).as(other).doesNotContainAnyElementsOf(reviews);
      for (String review : reviews) {
        assertThat(http.get("/engine-rest/task/" + review + "/form-variables", other + ":" + other).status())
            .as(other + " opening a review task").isIn(403, 404);
      }
    }
  }

  /** Open tasks whose candidate group is the user's, or assigned to the user, read without authorization checks. */
  private Set<String> visibleTo(DemoUser user) {
    TaskService tasks = processEngine.getTaskService();
    Set<String> visible = new TreeSet<>(ids(tasks.createTaskQuery().taskCandidateGroup(user.group())
        .includeAssignedTasks().list()));
    visible.addAll(ids(tasks.createTaskQuery().taskAssignee(user.id()).list()));
    return visible;
  }

  private static Set<String> ids(List<Task> tasks) {
    Set<String> ids = new TreeSet<>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }

  private static Set<String> ids(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Set<String> ids = new TreeSet<>();
    for (JsonNode task : response.json()) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
  void healthIsPublicAndShowsNoDetailsEvenToAdministrators(String path) {
    for (String credentials : Arrays.asList(null, "admin:admin")) {
      Http.Response response = http.get(path, credentials);
      assertThat(response.status()).as(credentials + ": " + response.body()).isEqualTo(200);
      assertThat(response.json().get("status").asText()).isEqualTo("UP");
      assertThat(response.json().has("components")).as(response.body()).isFalse();
      assertThat(response.json().has("details")).as(response.body()).isFalse();
    }
  }

  /**
   * Maps a handler at a staff-looking path that no access rule lists: even an administrator (every
   * group) is refused, and the same handler answers at a path outside the API, so it is the rules that
   * refuse, not a missing handler.
   */
  @Test
  void anEndpointTheRulesDoNotListIsRefusedEvenToAdministrators() throws Exception {
    Method reached = Probe.class.getMethod("reached");
    RequestMappingInfo unlisted = get("/api/partnerships/{reference}/unlisted-report");
    RequestMappingInfo outside = get("/unlisted-report");
    handlerMappings.registerMapping(unlisted, new Probe(), reached);
    handlerMappings.registerMapping(outside, new Probe(), reached);
    try {
      assertThat(http.get("/unlisted-report", null).status()).as("the probe outside the API").isEqualTo(200);

      Http.Response anonymous = http.get("/api/partnerships/DP-2026-0001/unlisted-report", null);
      Http.Response admin = http.get("/api/partnerships/DP-2026-0001/unlisted-report", "admin:admin");

      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(admin.status()).as(admin.body()).isEqualTo(403);
      assertThat(admin.contentType()).startsWith("application/problem+json");
      assertThat(admin.body()).doesNotContain("reached");
    } finally {
      handlerMappings.unregisterMapping(unlisted);
      handlerMappings.unregisterMapping(outside);
    }
  }

  /** A handler that answers 200 wherever it is mapped. */
  public static final class Probe {
    public ResponseEntity<String> reached() {
      return ResponseEntity.ok("reached");
    }
  }

  private RequestMappingInfo get(String path) {
    return RequestMappingInfo.paths(path).methods(RequestMethod.GET).options(handlerMappings.getBuilderConfiguration())
        .build();
  }

  private Object bodyFor(String path) {
    if (path.endsWith("/complete")) {
      return Map.of("variables", Map.of("reviewDecision", Map.of("value", "ACCEPT")));
    }
    if (path.endsWith("/information")) {
      return Map.of("answer", "Two sections");
    }
    if (path.endsWith("/plan")) {
      return Map.of("vision", "v", "implementation", "i", "promotion", "p", "communitySupport", "c");
    }
    if (path.endsWith("/renewal-confirmation")) {
      return Map.of("teachers", List.of());
    }
    if (path.equals("/api/applications")) {
      return Http.application();
    }
    if (path.endsWith("/user/create")) {
      return Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password"));
    }
    if (path.endsWith("/group/create")) {
      return Map.of("id", "intruders", "name", "Intruders");
    }
    return Map.of();
  }

  private String apply() {
    Http.Response response = http.post("/api/applications", null, Http.application(), Map.of());
    assertThat(response.status()).isEqualTo(201);
    return response.json().get("reference").asText();
  }
}
