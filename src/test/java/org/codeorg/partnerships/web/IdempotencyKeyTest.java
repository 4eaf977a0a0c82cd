package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.codeorg.partnerships.support.Concurrently;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code Idempotency-Key} on the API's POSTs: a replay gets the first answer, another request with the key a 422. */
class IdempotencyKeyTest extends SpringIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aReplayGetsTheFirstAnswerAndADifferentBodyIsRefused() {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    Http.Response first = http.post("/api/applications", null, application, key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Http.Response replay = http.post("/api/applications", null, application, key);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(http.headerOf(replay, "Location")).isEqualTo(http.headerOf(first, "Location"));
    assertThat(http.headerOf(replay, "Idempotent-Replayed")).isEqualTo("true");
    assertThat(http.headerOf(first, "Idempotent-Replayed")).isNull();
    assertThat(partnerships(application)).isEqualTo(1);
    Http.Response withoutKey = http.post("/api/applications", null, application, Map.of());
    assertThat(withoutKey.status()).as("without the key it is a second application").isEqualTo(409);

    Map<String, Object> other = Http.application();
    Http.Response reused = http.post("/api/applications", null, other, key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().get("title").asText()).isEqualTo("Idempotency-Key reused");
    assertThat(partnerships(other)).as("the other application did not run").isZero();

    assertThat(http.post("/api/applications", null, other, Map.of("Idempotency-Key", "x".repeat(201))).status())
        .isEqualTo(400);
    assertThat(partnerships(other)).isZero();
  }

  @Test
  void concurrentCopiesWithOneKeyRunOnce() {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    List<Http.Response> answers = Concurrently.send(6, () -> http.post("/api/applications", null, application, key));
    assertThat(answers).as(Concurrently.statuses(answers)).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
    assertThat(answers.stream().map(r -> r.json().get("reference").asText()).distinct()).hasSize(1);
    assertThat(answers.stream().filter(r -> "true".equals(http.headerOf(r, "Idempotent-Replayed")))).hasSize(5);
    assertThat(partnerships(application)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE recipient = ? AND milestone = 'APPLICATION_RECEIVED'",
        Integer.class, ((Map<?, ?>) application.get("contact")).get("email"))).isEqualTo(1);
  }

  private int partnerships(Map<String, Object> application) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM partnership p JOIN district d ON d.id = p.district_id"
        + " WHERE d.nces_id = ?", Integer.class, ((Map<?, ?>) application.get("district")).get("ncesId"));
  }
}
