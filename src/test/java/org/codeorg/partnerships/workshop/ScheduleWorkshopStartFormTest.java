package org.codeorg.partnerships.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Schedule a workshop" as the Tasklist start form submits it (Camunda REST {@code submit-form},
 * what Tasklist calls): only PD managers may, the local times become the right instants in the
 * workshop's zone, and every bad input of the issue is refused with its field named and nothing
 * written: unknown zone, a session ending before it starts, overlapping sessions, capacity 0, a past date.
 * The API answers the same rules with problem+json.
 */
class ScheduleWorkshopStartFormTest extends SpringIntegrationTest {

  private static final String PD_MANAGER = "pdmanager:pdmanager";
  private static final String SUBMIT = "/engine-rest/process-definition/key/pd-workshop/submit-form";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OutboxSender sender;

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(baseUrl());
    PdJourney.travelTo(Instant.parse("2027-05-01T12:00:00Z"));
  }

  private static Map<String, Object> form() {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("course", "CSP");
    form.put("phase", 2L);
    form.put("region", "CA");
    form.put("timeZone", "");
    form.put("location", "Sacramento County Office of Education, Room 4");
    form.put("capacity", 25L);
    form.put("session1Date", "2027-07-12");
    form.put("session1Starts", "09:00");
    form.put("session1Ends", "15:00");
    form.put("session2Date", "2027-07-13");
    form.put("session2Starts", "09:00");
    form.put("session2Ends", "15:00");
    return form;
  }

  private static Map<String, Object> body(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((name, value) -> variables.put(name, value instanceof Long number
        ? Map.of("value", number, "type", "Long") : Map.of("value", value, "type", "String")));
    return Map.of("variables", variables);
  }

  @Test
  void aPdManagerSchedulesAWorkshopInLocalTimeOthersMayNot() {
    JsonNode startable = http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", PD_MANAGER).json();
    assertThat(startable.findValuesAsText("key")).contains("pd-workshop");
    assertThat(http.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", "manager:manager").json().findValuesAsText("key")).doesNotContain("pd-workshop");
    assertThat(http.post(SUBMIT, "manager:manager", body(form()), Map.of()).status()).isEqualTo(403);

    Http.Response started = http.post(SUBMIT, PD_MANAGER, body(form()), Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String reference = started.json().get("businessKey").asText();
    assertThat(reference).matches("WS-\\d{5}");

    JsonNode workshop = http.get("/api/workshops/" + reference, PD_MANAGER).json();
    assertThat(workshop.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(workshop.get("organizer").asText()).isEqualTo("pdmanager");
    JsonNode first = workshop.get("sessions").get(0);
    assertThat(first.get("startsAt").asText()).isEqualTo("2027-07-12T16:00:00Z");
    assertThat(first.get("localStartsAt").asText()).isEqualTo("2027-07-12T09:00:00-07:00");
    assertThat(first.get("time").asText()).isEqualTo("9:00 AM–3:00 PM PDT");
    assertThat(first.get("date").asText()).isEqualTo("Monday, July 12, 2027");
    String instance = started.json().get("id").asText();
    assertThat(processEngine.getRuntimeService().getVariables(instance)).doesNotContainKeys("session1Date", "course")
        .containsKeys("workshopId", "reminderTenDaysAt");

    DistrictJourney journey = new DistrictJourney(http, processEngine, sender, "manager:manager");
    journey.runJobs(reference);
    var order = journey.deliveredTo("workshop-orders@vendor.example",
        "Order for workshop " + reference + ": materials and meals");
    assertThat(DistrictJourney.plainText(order)).contains("Monday, July 12, 2027, 9:00 AM–3:00 PM PDT")
        .doesNotContain("UTC");
  }

  @Test
  void aPdManagerCancelsAWorkshopFromTasklistBadInputNamesTheField() {
    String reference = http.post(SUBMIT, PD_MANAGER, body(form()), Map.of()).json().get("businessKey").asText();
    String cancel = "/engine-rest/process-definition/key/cancel-workshop/submit-form";
    assertThat(http.post(cancel, "manager:manager", body(Map.of("workshopReference", reference,
        "cancellationReason", "The venue closed")), Map.of()).status()).isEqualTo(403);

    Http.Response noReason = http.post(cancel, PD_MANAGER, body(Map.of("workshopReference", reference,
        "cancellationReason", " ")), Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).contains("cancellationReason is required");
    Http.Response unknown = http.post(cancel, PD_MANAGER, body(Map.of("workshopReference", "WS-99999",
        "cancellationReason", "The venue closed")), Map.of());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("workshopReference 'WS-99999' is not a workshop");
    assertThat(http.get("/api/workshops/" + reference, PD_MANAGER).json().get("status").asText()).isEqualTo("PLANNING");

    Http.Response cancelled = http.post(cancel, PD_MANAGER, body(Map.of("workshopReference", reference,
        "cancellationReason", "The venue closed")), Map.of());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(http.get("/api/workshops/" + reference, PD_MANAGER).json().get("status").asText()).isEqualTo("CANCELLED");
    DistrictJourney journey = new DistrictJourney(http, processEngine, sender, "manager:manager");
    journey.runJobs(reference);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .count()).as("the workshop's instance ended").isZero();
    journey.deliveredTo("workshop-orders@vendor.example", "Cancelled: order for workshop " + reference);

    Http.Response again = http.post(cancel, PD_MANAGER, body(Map.of("workshopReference", reference,
        "cancellationReason", "The venue closed")), Map.of());
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).contains("cancelled already");
  }

  @Test
  void badInputNamesEachFieldAndWritesNothing() {
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    cases.put("timeZone", with("timeZone", "America/Nowhere"));
    cases.put("session1Ends", with("session1Ends", "08:00"));
    Map<String, Object> overlapping = with("session2Date", "2027-07-12");
    overlapping.put("session2Starts", "14:00");
    overlapping.put("session2Ends", "17:00");
    cases.put("session2Starts", overlapping);
    cases.put("capacity", with("capacity", 0L));
    Map<String, Object> past = with("session1Date", "2027-04-30");
    past.put("session2Date", "2027-05-01");
    cases.put("session1Starts", past);
    cases.put("session1Date", with("session1Date", "2027-02-30"));

    Integer workshopsBefore = jdbc.queryForObject("select count(*) from workshop", Integer.class);
    long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("pd-workshop").count();
    cases.forEach((field, form) -> {
      Http.Response refused = http.post(SUBMIT, PD_MANAGER, body(form), Map.of());
      assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as(field).contains(field + " ");
    });
    assertThat(jdbc.queryForObject("select count(*) from workshop", Integer.class)).isEqualTo(workshopsBefore);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("pd-workshop")
        .count()).isEqualTo(instancesBefore);
  }

  @Test
  void theApiRefusesAnUnknownZoneAndOverlappingSessionsWithTheirFields() {
    Map<String, Object> plan = Map.of("course", "CSP", "phase", 2, "region", "CA", "location", "Sacramento",
        "timeZone", "Pacific Standard Time", "capacity", 10, "sessions", List.of(
            Map.of("startsAt", "2027-07-12T09:00:00-07:00", "endsAt", "2027-07-12T15:00:00-07:00"),
            Map.of("startsAt", "2027-07-12T14:00:00-07:00", "endsAt", "2027-07-12T16:00:00-07:00"),
            Map.of("startsAt", "2027-07-14T15:00:00-07:00", "endsAt", "2027-07-14T09:00:00-07:00")));
    Http.Response refused = http.post("/api/workshops", PD_MANAGER, plan, Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("\"timeZone\"", "\"sessions[1].startsAt\"", "\"sessions[2].endsAt\"",
        "must be after the session starts", "must not overlap");
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> form = form();
    form.put(field, value);
    return form;
  }
}
