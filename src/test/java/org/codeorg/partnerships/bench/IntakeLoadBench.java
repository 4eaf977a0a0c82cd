package org.codeorg.partnerships.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.reliability.Databases;
import org.codeorg.partnerships.support.AppNode;
import org.codeorg.partnerships.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 8, part 4: intake under load. The packaged application on a fresh PostgreSQL database
 * (its own process, intake rate limit raised) takes {@code POST /api/applications} from 50
 * concurrent clients; prints throughput and p50/p95/p99 latency and writes
 * {@code target/bench/results.json}, against a baseline in the same run: the same clients sending
 * an application that validation refuses (HTTP, JSON and checks, no writes). With 50 clients
 * sending without pause the latency is mostly queueing (50 / throughput), so a paced run follows:
 * the same clients offering {@code bench.pacedRate} applications per second together. A
 * measurement, not a test of timings: it fails only on errors.
 * Run with {@code DB_URL=… mvn -Pbench verify}.
 */
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
class IntakeLoadBench {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
  private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requestsPerClient", 60);
  private static final int WARM_UP = 300;
  /** Applications per second all clients together offer in the paced run (below saturation). */
  private static final int PACED_RATE = Integer.getInteger("bench.pacedRate", 20);

  @Test
  void intakeUnderLoad() throws Exception {
    String database = "dpo_bench_" + System.currentTimeMillis();
    AppNode node = new AppNode("bench", Databases.freePort(), Databases.create(database)).withJvmOptions("-Xmx1g");
    try {
      node.start(Map.of("partnership.intake.rate-limit.requests-per-minute", "100000000"));
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < WARM_UP; i++) {
        send(client, node.url());
      }
      Result baseline = load(client, node.url(), false);
      Result intake = load(client, node.url(), true);
      Result paced = paced(client, node.url());
      ObjectNode figures = BenchResults.newSection();
      figures.put("clients", CLIENTS);
      figures.set("intake", intake.json());
      figures.set("baselineRejectedApplication", baseline.json());
      figures.set("pacedAt" + PACED_RATE + "PerSecond", paced.json());
      figures.put("ratioP99", Math.round(intake.p99() / baseline.p99() * 10) / 10.0);
      figures.put("ratioThroughput", Math.round(intake.throughput() / baseline.throughput() * 100) / 100.0);
      BenchResults.put("intakePostgreSQL", figures);
      BenchResults.say("%n== Intake under load (PostgreSQL, %d clients): %s", CLIENTS, intake);
      BenchResults.say("Baseline, same clients, an application refused by validation (HTTP, JSON, checks; no writes): %s",
          baseline);
      BenchResults.say("Ratio intake/baseline: p99 %.1f×, throughput %.2f× (target: intake p99 ≤ 50 ms)",
          intake.p99() / baseline.p99(), intake.throughput() / baseline.throughput());
      BenchResults.say("Paced: the same %d clients offering %d applications/s together (below saturation): %s", CLIENTS,
          PACED_RATE, paced);
      assertThat(intake.errors() + baseline.errors() + paced.errors()).as("errors under load").isZero();
    } finally {
      node.stop();
      Databases.drop(database);
    }
  }

  /** Latencies of one load run: valid applications (registered) or invalid ones (refused with 400). */
  private record Result(int requests, int errors, double seconds, double p50, double p95, double p99, double max) {

    double throughput() {
      return requests / seconds;
    }

    ObjectNode json() {
      ObjectNode json = BenchResults.newSection();
      json.put("requests", requests);
      json.put("errors", errors);
      json.put("seconds", Math.round(seconds * 100) / 100.0);
      json.put("requestsPerSecond", Math.round(throughput() * 10) / 10.0);
      json.put("p50Ms", Math.round(p50 * 10) / 10.0);
      json.put("p95Ms", Math.round(p95 * 10) / 10.0);
      json.put("p99Ms", Math.round(p99 * 10) / 10.0);
      json.put("maxMs", Math.round(max * 10) / 10.0);
      return json;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d requests in %.1f s = %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
          + " max %.1f ms, errors %d", requests, seconds, throughput(), p50, p95, p99, max, errors);
    }
  }

  /** One client's share of a run: it times each request into {@code latencies} and counts unexpected answers. */
  private interface Client {
    void run(int index, long start, List<Long> latencies, AtomicInteger errors) throws Exception;
  }

  /** Runs {@code CLIENTS} clients at once until each has done its share. */
  private static Result measure(Client body) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int index = c;
      clients.add(pool.submit(() -> {
        body.run(index, start, latencies, errors);
        return null;
      }));
    }
    for (Future<?> future : clients) {
      future.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return result(latencies, errors.get(), seconds);
  }

  /** Closed loop: each client sends its next request as soon as the last one is answered. */
  private static Result load(HttpClient client, String url, boolean valid) throws Exception {
    return measure((index, start, latencies, errors) -> {
      for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
        long t0 = System.nanoTime();
        int status = valid ? send(client, url) : sendInvalid(client, url);
        latencies.add(System.nanoTime() - t0);
        if (status != (valid ? 201 : 400)) {
          errors.incrementAndGet();
        }
      }
    });
  }

  /**
   * Open loop: each client sends on its own schedule, one application every
   * {@code CLIENTS / PACED_RATE} seconds, for 30 s. Latency here is the service time plus
   * whatever queueing that rate causes, not the queue 50 clients without pause build up.
   */
  private static Result paced(HttpClient client, String url) throws Exception {
    long intervalNanos = (long) (CLIENTS * 1e9 / PACED_RATE);
    int perClient = Math.max(1, 30 * PACED_RATE / CLIENTS);
    return measure((index, start, latencies, errors) -> {
      long offset = intervalNanos * index / CLIENTS;
      for (int i = 0; i < perClient; i++) {
        long wait = start + offset + i * intervalNanos - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        long t0 = System.nanoTime();
        if (send(client, url) != 201) {
          errors.incrementAndGet();
        }
        latencies.add(System.nanoTime() - t0);
      }
    });
  }

  private static Result result(List<Long> latencies, int errors, double seconds) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), errors, seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static int sendInvalid(HttpClient client, String url) {
    try {
      Map<String, Object> application = Http.application();
      application.put("schoolYear", "2027");   // one bad field: parsed and checked, nothing written
      return client.send(HttpRequest.newBuilder(URI.create(url + "/api/applications"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(application))).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static int send(HttpClient client, String url) {
    try {
      String body = Http.JSON.writeValueAsString(Http.application());
      return client.send(HttpRequest.newBuilder(URI.create(url + "/api/applications"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }
}
