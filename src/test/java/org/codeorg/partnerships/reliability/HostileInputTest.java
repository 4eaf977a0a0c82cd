package org.codeorg.partnerships.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.web.IntakeRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, scenario 4: more than 10,000 generated hostile requests (malformed JSON, wrong types,
 * huge strings and arrays, unicode edge cases, control characters and header injection, SQL and
 * script injection, bad tokens, wrong media types) against every public endpoint, district pages
 * included, with the right token as well as wrong ones. No 5xx, no row written anywhere (project
 * tables and the engine's runtime and history), every API answer problem+json. Then a short run
 * with the intake rate limit on: 429s, still no 5xx. The generator is seeded, so a failure can be
 * replayed.
 */
class HostileInputTest extends SpringIntegrationTest {

  private static final int REQUESTS = 10_500;
  private static final long SEED = 20261129L;
  private static final List<String> TABLES = List.of("district", "partnership", "school", "course_section", "teacher",
      "school_leader", "email_outbox", "information_request", "comprehensive_plan", "partnership_event", "pd_phase",
      "workshop", "workshop_session", "workshop_seat", "workshop_attendance", "leadership_enrolment",
      "evaluation_course_result", "program_evaluation", "facilitator_qualification", "ACT_RU_EXECUTION", "ACT_RU_TASK",
      "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_RU_INCIDENT");

  private static final String[] STRINGS = {"", " ", "\u0000", "' OR 1=1 --", "'; DROP TABLE partnership; --",
      "<script>alert(1)</script>", "${7*7}", "#{7*7}", "{{7*7}}", "\u202Egnp.exe", "\uD83D\uDE00\u0301\u0301\u0301",
      "\uFEFF", "null", "true", "-1", "1e309", "NaN", "../../etc/passwd", "%00", "\\", "\"", "DP-2026-0001",
      "CSP", "HIGH", "COUNSELOR", "ECS\u0000", "a@b", "x".repeat(5000),
      // Control characters and line breaks (issue 18): header injection, terminal escapes, DEL, C1, separators.
      "Ana Ruiz\r\nBcc: everyone@evil.test", "CSP\n", "\t", "Period\u001B[2J 3", "B-2\u007F", "Ana\u0085Ruiz",
      "Room\u2028B-2"};

  @Autowired
  DistrictAccessTokens tokens;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IntakeRateLimiter limiter;

  private final Random random = new Random(SEED);

  @Test
  void hostileRequestsGetProblemsNeverServerErrorsAndWriteNothing() {
    Http http = new Http(baseUrl());
    Map<String, Object> target = jdbc.queryForMap("SELECT p.reference, p.token_generation, MIN(t.id) AS teacher,"
        + " MIN(s.id) AS section FROM partnership p JOIN teacher t ON t.partnership_id = p.id"
        + " JOIN course_section s ON s.partnership_id = p.id WHERE p.stage = 'IMPLEMENTATION'"
        + " GROUP BY p.reference, p.token_generation ORDER BY p.reference FETCH FIRST 1 ROWS ONLY");
    String reference = (String) target.get("REFERENCE");
    String token = tokens.tokenFor(reference, ((Number) target.get("TOKEN_GENERATION")).intValue());
    Long teacher = ((Number) target.get("TEACHER")).longValue();
    Long section = ((Number) target.get("SECTION")).longValue();
    Map<String, Long> before = counts();

    Map<String, Integer> byStatus = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    List<String> notProblems = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Attack attack = attack(i, reference, token, teacher, section);
      Http.Response response = attack.send(http);
      byStatus.merge(response.status() / 100 + "xx", 1, Integer::sum);
      if (response.status() >= 500) {
        serverErrors.add(attack + " → " + response.status() + " " + response.body());
      }
      if (attack.path().startsWith("/api/") && response.status() >= 400
          && !response.contentType().startsWith("application/problem+json")) {
        notProblems.add(attack + " → " + response.status() + " " + response.contentType());
      }
    }
    Map<String, Long> after = counts();
    Map<String, Long> written = new LinkedHashMap<>();
    after.forEach((table, n) -> {
      if (!n.equals(before.get(table))) {
        written.put(table, n - before.get(table));
      }
    });
    System.out.printf("Hostile input: %d requests, by status %s, 5xx %d, non-problem API errors %d, rows written %s%n",
        REQUESTS, byStatus, serverErrors.size(), notProblems.size(), written);
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(notProblems).as("API errors that are not problem+json").isEmpty();
    assertThat(written).as("rows written").isEmpty();
  }

  @Test
  void withTheIntakeLimitOnFloodingGets429sAndStillNoServerError() {
    Http http = new Http(baseUrl());
    int limit = limiter.getRequestsPerMinute();
    limiter.setRequestsPerMinute(5);
    try {
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < 60; i++) {
        Http.Response response = i % 2 == 0
            ? http.post("/api/applications", null, "{\"district\": " + i + "}", Map.of())
            : http.postForm("/district/apply", Map.of("district.name", "x"));
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() == 429 && i % 2 == 0) {
          assertThat(response.contentType()).startsWith("application/problem+json");
        }
      }
      System.out.printf("Intake flood with the rate limit on (5/min): statuses %s%n", statuses);
      assertThat(statuses).containsKey(429);
      assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    } finally {
      limiter.setRequestsPerMinute(limit);
    }
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    return counts;
  }

  /** One generated request. */
  private record Attack(String method, String path, String credentials, String contentType, String body,
      Map<String, String> headers) {

    Http.Response send(Http http) {
      return http.raw(method, path, credentials, contentType, body, headers);
    }

    @Override
    public String toString() {
      return method + " " + path + " [" + contentType + "] " + (body == null ? "" : body.substring(0, Math.min(120, body.length())));
    }
  }

  private Attack attack(int i, String reference, String token, Long teacher, Long section) {
    String ref = pick(reference, reference, "DP-2026-9999", "../" + reference, reference + "'--", "%00");
    String tok = pick(token, token, token, token.substring(1) + "A", "", "null", "x".repeat(300));
    Map<String, String> tokenHeader = Map.of("X-Partnership-Token", tok);
    String json = random.nextInt(10) == 0 ? junkJson() : null;
    return switch (i % 16) {
      case 0, 1 -> new Attack("POST", "/api/applications", null, jsonType(), json != null ? json : badApplication(), Map.of());
      case 2 -> new Attack("POST", "/api/partnerships/" + ref + "/information", null, jsonType(),
          json != null ? json : object("answer", badString()), tokenHeader);
      case 3 -> new Attack("POST", "/api/partnerships/" + ref + "/plan", null, jsonType(),
          json != null ? json : object("vision", value(), "implementation", value(), "promotion", value()), tokenHeader);
      case 4 -> new Attack("POST", "/api/partnerships/" + ref + "/teachers/" + pick(String.valueOf(teacher), "abc", "-1",
          "99999999999999999999") + "/commitment", null, jsonType(), json != null ? json : object("commits", notABoolean()),
          tokenHeader);
      case 5 -> new Attack("POST", "/api/partnerships/" + ref + "/sections/" + pick(String.valueOf(section), "0", "1e3")
          + "/readiness", null, jsonType(), json != null ? json : object("timeSlot", value(), "room", value(),
          "oneToOneComputing", value(), "bandwidthMbps", pick("-5", "\"fast\"", "1e12", "null"),
          "materialsReady", value(), "materialsCostPerClass", pick("-1", "100000.001", "\"cheap\"")), tokenHeader);
      case 6 -> new Attack("POST", "/api/partnerships/" + ref + "/evaluation-data", null, jsonType(),
          json != null ? json : "{\"courses\":[" + "{\"course\":" + value() + ",\"sectionsTaught\":-1}".repeat(
              1 + random.nextInt(3)).replace("}{", "},{") + "]}", tokenHeader);
      case 7 -> new Attack("POST", "/api/workshops", "pdmanager:pdmanager", jsonType(), json != null ? json
          : object("course", value(), "phase", pick("1", "0", "\"two\""), "region", value(), "capacity",
              pick("0", "-3", "100000"), "sessions", pick("[]", "null", "[{\"startsAt\":\"yesterday\"}]")), Map.of());
      case 8 -> new Attack("PUT", "/api/workshops/" + pick("WS-00001", "WS-99999", ref) + "/sessions",
          "pdmanager:pdmanager", jsonType(), json != null ? json : object("sessions", pick("[]", "{}", "\"x\"")), Map.of());
      case 9 -> new Attack("POST", "/api/partnerships/" + ref + "/teachers/" + teacher + "/pd-phases/"
          + pick("1", "0", "x", "-1") + "/completion", "pdmanager:pdmanager", jsonType(),
          json != null ? json : object("hours", pick("0", "201", "\"lots\"", "null")), Map.of());
      case 10 -> new Attack("GET", "/api/partnerships?stage=" + pick("CLOSED", "nope", "%27", "IMPLEMENTATION%00"),
          "manager:manager", null, null, Map.of());
      case 11 -> new Attack("POST", "/api/partnerships/" + pick("DP-2026-9999", "x") + "/emails/" + pick("1", "x", "-1")
          + "/retry", "manager:manager", jsonType(), "{}", Map.of());
      case 12 -> new Attack("POST", "/district/apply", null, "application/x-www-form-urlencoded",
          "district.name=&contact.name=" + pick("Ana", "Ana%0D%0ABcc%3A+x%40evil.test", "Ana%00", "%09")
              + "&contact.email=" + pick("x", "%3Cscript%3E", "%00") + "&schools%5B0%5D.level=" + pick("HIGH", "MOON")
              + "&technology.bandwidthMbps=" + pick("-1", "abc", "1e99"), Map.of());
      case 13 -> new Attack("POST", "/district/partnerships/" + ref + "/sections/" + pick(String.valueOf(section), "abc")
          + "/readiness", null, "application/x-www-form-urlencoded", "token=" + tok + "&section-" + section
          + "-room=" + pick("B-2", "B-2%0D%0ABcc%3A+x", "%00") + "&section-" + section + "-bandwidthMbps="
          + pick("-1", "lots", "") + "&section-" + section + "-materialsCostPerClass=" + pick("x", "-2"), Map.of());
      case 14 -> new Attack("GET", "/district/partnerships/" + ref + "?token=" + pick(tok, "", "%FF%FE"), null, null, null,
          Map.of());
      default -> new Attack(pick("POST", "PUT", "DELETE", "PATCH"), pick("/api/applications", "/api/partnerships/" + ref
          + "/plan", "/api/workshops"), pick(null, "manager:manager", "bad:creds"),
          pick("text/plain", "application/xml", "application/json; charset=latin1", null), json != null ? json : "{}",
          Map.of());
    };
  }

  /** Every generated application lacks the district: never valid, whatever else it carries. */
  private String badApplication() {
    return object("contact", "{\"name\":" + value() + ",\"email\":" + value() + "}", "schoolYear", value(),
        "schools", "[" + ("{\"name\":" + value() + ",\"level\":" + value() + "},").repeat(random.nextInt(4)) + "{}]",
        "courses", pick("[]", "{}", "[{\"sections\":\"many\"}]", "[" + "{},".repeat(2000) + "{}]"),
        "technology", pick("{\"bandwidthMbps\":-1}", "\"fast\"", "null"));
  }

  private String junkJson() {
    return pick("{", "[", "{\"a\":}", "{\"district\": {\"name\": \"x\"", "\u0000", "[]", "\"string\"", "42", "null",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"x\":\"" + "y".repeat(70_000) + "\"}",
        "{\"answer\": \"\\uD800\"}", "{\"answer\": \"\\u0000\"}");
  }

  private String value() {
    return switch (random.nextInt(6)) {
      case 0 -> String.valueOf(random.nextInt());
      case 1 -> "[" + "1,".repeat(random.nextInt(50)) + "1]";
      case 2 -> "{\"nested\": {\"deep\": true}}";
      case 3 -> "null";
      default -> badString();
    };
  }

  /**
   * A bad string for a yes/no field: Jackson reads "true" and "false" as booleans, so with the right
   * token and teacher they would be a real answer — and a row written.
   */
  private String notABoolean() {
    String s = badString();
    return "\"true\"".equals(s) ? "\"yes\"" : s;
  }

  /** One of {@link #STRINGS} as a JSON string: control characters escaped, or the body would not even parse. */
  private String badString() {
    String s = STRINGS[random.nextInt(STRINGS.length)];
    StringBuilder json = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == '"') {
        json.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static String object(String... keyValues) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keyValues.length; i += 2) {
      json.append(i == 0 ? "" : ",").append('"').append(keyValues[i]).append("\":").append(keyValues[i + 1]);
    }
    return json.append('}').toString();
  }

  private String jsonType() {
    return "application/json";
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
