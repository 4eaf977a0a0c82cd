package org.codeorg.partnerships.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Issue 19, part 2 (timers): the delay between a timer's due date and its execution when
 * {@code bench.timers.count} (5,000) timers fall due at the same instant on two nodes of the
 * packaged application sharing one PostgreSQL database, job executors on.
 *
 * <p>The timers are real: each application sent to {@code POST /api/applications} waits for review
 * with its "Review overdue" boundary timer (P10D; on firing it queues the reminder to the
 * partnership managers as an async step, which emails them). Once both nodes are idle, the due
 * dates of {@code count} of those timers are set to one instant a few seconds ahead in one
 * {@code UPDATE} (what {@code ManagementService.setJobDuedate} writes, for all at once). The
 * engine's job log ({@code ACT_HI_JOB_LOG}, written in the job's transaction) gives per job the
 * end of its successful execution and the node ({@code hostname}); the delay is that end minus the
 * due instant, for the timer itself and for its effect (the reminder step). Each configuration of
 * {@code bench.timers.settings} ({@code |}-separated; each a comma-separated list of
 * {@code camunda.bpm.job-execution.*} overrides, empty for the application's own settings) gets
 * its own timers of the same database, with both nodes restarted. A measurement, not a test of
 * timings: it fails only if timers fail or are not executed within 15 minutes.
 */
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
class TimersBench {

  private static final int COUNT = Integer.getInteger("bench.timers.count", 5000);
  private static final List<String> SETTINGS = Arrays.asList(System.getProperty("bench.timers.settings",
      "|max-jobs-per-acquisition=10,core-pool-size=4,max-pool-size=4,wait-time-in-millis=1000").split("\\|", -1));
  private static final int[] PORTS = {Integer.getInteger("bench.timers.port1", 18107),
      Integer.getInteger("bench.timers.port2", 18108)};
  private static final String TIMER = "Timer_ReviewOverdue";
  private static final String EFFECT = "Task_RemindReviewers";
  private static final int CLIENTS = 16;

  @Test
  void timersFallingDueTogetherOnTwoNodes() throws Exception {
    boolean reuse = Boolean.getBoolean("bench.reuse");
    String database = System.getProperty("bench.timers.database", "dpo_g_timers");
    if (!reuse) {
      Databases.drop(database);
    }
    String url;
    try {
      url = Databases.create(database);
    } catch (Exception exists) {
      String base = System.getenv("DB_URL");
      url = base.substring(0, base.lastIndexOf('/') + 1) + database;
    }
    ObjectNode figures = BenchResults.newSection();
    figures.put("timers", COUNT);
    BenchResults.say("%n== Timers on two nodes (PostgreSQL): %d 'Review overdue' timers due at one instant;"
        + " delay = end of the successful execution − due instant (target p95 ≤ 30 s)", COUNT);
    for (int i = 0; i < SETTINGS.size(); i++) {
      String setting = SETTINGS.get(i).trim();
      Map<String, String> properties = new LinkedHashMap<>(Map.of(
          "partnership.intake.rate-limit.requests-per-minute", "100000000"));
      for (String pair : setting.split(",")) {
        if (!pair.isBlank()) {
          String[] kv = pair.split("=", 2);
          properties.put("camunda.bpm.job-execution." + kv[0].trim(), kv[1].trim());
        }
      }
      List<AppNode> nodes = new ArrayList<>();
      try {
        for (int n = 0; n < 2; n++) {
          Map<String, String> own = new LinkedHashMap<>(properties);
          // The job log names the node that ran each job.
          own.put("camunda.bpm.generic-properties.properties.hostname", "node-" + (n + 1));
          AppNode node = new AppNode("timers-" + (n + 1), PORTS[n], url).withJvmOptions("-Xmx1g");
          nodes.add(node);   // stopped below even if it never becomes healthy
          node.start(own);
        }
        fill(url, nodes);
        awaitIdle(url);
        ObjectNode one = measure(url, setting.isEmpty() ? "the application's settings" : setting);
        figures.set(setting.isEmpty() ? "applicationSettings" : setting, one);
      } finally {
        for (AppNode node : nodes) {
          node.stop();
        }
      }
    }
    BenchResults.put("timersTwoNodesPostgreSQL", figures);
    if (!Boolean.getBoolean("bench.keepDatabases") && !reuse) {
      Databases.drop(database);
    }
  }

  /** Sends applications until {@code COUNT} review timers are waiting and not yet moved. */
  private static void fill(String url, List<AppNode> nodes) throws Exception {
    int waiting = waitingTimers(url);
    int missing = COUNT - waiting;
    if (missing <= 0) {
      return;
    }
    long start = System.nanoTime();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < missing) {
          String body = Http.JSON.writeValueAsString(Http.application());
          HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(nodes.get(i % 2).url()
              + "/api/applications")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 201) {
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : clients) {
      future.get();
    }
    pool.shutdown();
    BenchResults.say("  filled: %d applications in %.0f s (%d refused)", missing, (System.nanoTime() - start) / 1e9,
        errors.get());
    assertThat(errors.get()).as("applications refused").isZero();
  }

  /** Waits until no job is due (the intake's async steps are done), so that only the timers run. */
  private static void awaitIdle(String url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (count(url, "SELECT count(*) FROM act_ru_job WHERE (duedate_ IS NULL OR duedate_ <= now()) AND retries_ > 0"
          + " AND suspension_state_ = 1") == 0 && waitingTimers(url) >= COUNT) {
        return;
      }
      Thread.sleep(2000);
    }
    throw new IllegalStateException("nodes not idle after 15 minutes");
  }

  private static int waitingTimers(String url) throws Exception {
    // Timers whose due date is still the model's (10 days after the application), not one set here.
    return count(url, "SELECT count(*) FROM act_ru_job WHERE " + of(TIMER) + " AND duedate_ > now() + interval '1 day'");
  }

  private static ObjectNode measure(String url, String label) throws Exception {
    Timestamp due;
    try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
      ResultSet now = statement.executeQuery("SELECT date_trunc('second', now()) + interval '5 seconds'");
      now.next();
      due = now.getTimestamp(1);
      try (PreparedStatement update = connection.prepareStatement("UPDATE act_ru_job SET duedate_ = ? WHERE id_ IN ("
          + "SELECT id_ FROM act_ru_job WHERE " + of(TIMER) + " AND duedate_ > now() + interval '1 day' ORDER BY id_ LIMIT ?)")) {
        update.setTimestamp(1, due);
        update.setInt(2, COUNT);
        assertThat(update.executeUpdate()).isEqualTo(COUNT);
      }
    }
    double load = loadAverage();
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    int left;
    do {
      Thread.sleep(1000);
      left = count(url, "SELECT count(*) FROM act_ru_job WHERE (" + of(TIMER) + " AND duedate_ = '" + due + "') OR "
          + of(EFFECT));
    } while (left > 0 && System.nanoTime() < deadline);
    assertThat(left).as("timers and reminders not executed after 15 minutes").isZero();
    Delays timers = delays(url, TIMER, due);
    Delays effects = delays(url, EFFECT, due);
    int failed = count(url, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1 AND act_id_ IN ('" + TIMER
        + "', '" + EFFECT + "') AND timestamp_ >= '" + due + "'");
    ObjectNode json = BenchResults.newSection();
    json.set("timer", timers.json());
    json.set("reminder", effects.json());
    json.put("failedAttempts", failed);
    json.put("loadAverageAtStart", load);
    BenchResults.say("  %s (load %.1f):%n    timer fired:    %s%n    reminder done:  %s%n    failed attempts %d", label,
        load, timers, effects, failed);
    assertThat(timers.count()).as("timers executed").isEqualTo(COUNT);
    return json;
  }

  /** Delays of one kind of job, from its successful job log entries of this run. */
  private record Delays(int count, double p50, double p95, double p99, double max, double perSecond,
      Map<String, Integer> byNode) {

    ObjectNode json() {
      ObjectNode json = BenchResults.newSection();
      json.put("count", count);
      json.put("p50Seconds", Math.round(p50 * 10) / 10.0);
      json.put("p95Seconds", Math.round(p95 * 10) / 10.0);
      json.put("p99Seconds", Math.round(p99 * 10) / 10.0);
      json.put("maxSeconds", Math.round(max * 10) / 10.0);
      json.put("jobsPerSecond", Math.round(perSecond * 10) / 10.0);
      ObjectNode nodes = json.putObject("byNode");
      byNode.forEach(nodes::put);
      return json;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d jobs, delay p50 %.1f s, p95 %.1f s, p99 %.1f s, max %.1f s;"
          + " %.0f jobs/s; by node %s", count, p50, p95, p99, max, perSecond, byNode);
    }
  }

  private static Delays delays(String url, String activity, Timestamp due) throws Exception {
    List<Double> seconds = new ArrayList<>();
    Map<String, Integer> byNode = new TreeMap<>();
    // A reminder's job is created when its timer fires, so it has no due date of this run: take those
    // created (job log state 0) after the due instant.
    String sql = TIMER.equals(activity)
        ? "SELECT timestamp_, hostname_ FROM act_hi_job_log WHERE job_state_ = 2 AND act_id_ = ? AND job_duedate_ = ?"
        : "SELECT timestamp_, hostname_ FROM act_hi_job_log WHERE job_state_ = 2 AND act_id_ = ? AND timestamp_ >= ?";
    try (Connection connection = connect(url); PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, activity);
      query.setTimestamp(2, due);
      ResultSet rows = query.executeQuery();
      while (rows.next()) {
        seconds.add((rows.getTimestamp(1).getTime() - due.getTime()) / 1000.0);
        byNode.merge(rows.getString(2), 1, Integer::sum);
      }
    }
    seconds.sort(null);
    int n = seconds.size();
    if (n == 0) {
      return new Delays(0, 0, 0, 0, 0, 0, byNode);
    }
    double span = Math.max(0.001, seconds.get(n - 1) - Math.max(0, seconds.get(0)));
    return new Delays(n, at(seconds, 0.50), at(seconds, 0.95), at(seconds, 0.99), seconds.get(n - 1), n / span, byNode);
  }

  private static double at(List<Double> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }

  /** Jobs of one activity ({@code ACT_RU_JOB} names it only through its job definition). */
  private static String of(String activity) {
    return "job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = '" + activity + "')";
  }

  private static int count(String url, String sql) throws Exception {
    try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery(sql);
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection connect(String url) throws Exception {
    return DriverManager.getConnection(url, System.getenv().getOrDefault("DB_USER", "postgres"),
        System.getenv().getOrDefault("DB_PASSWORD", "x"));
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
