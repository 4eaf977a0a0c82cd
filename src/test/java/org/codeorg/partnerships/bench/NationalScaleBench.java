package org.codeorg.partnerships.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.PartnershipOrchestratorApplication;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.pd.CommitmentAnswer;
import org.codeorg.partnerships.pd.TeacherCommitments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What staff and districts feel at national scale (issue 19) on PostgreSQL: Tasklist's filter
 * calls and a district's answer to one teacher's PD instance, on {@link NationalDataSet} (10,000
 * partnerships by default, {@code -Dbench.national.partnerships=…} scales it).
 *
 * <ul>
 * <li>Tasklist: the calls Tasklist makes, over real HTTP with authorization on, as {@code manager},
 * {@code pdmanager} and {@code facilitator} (HTTP Basic on {@code /engine-rest}): the first page of
 * 15 of a filter sorted by creation ({@code POST /filter/{id}/list}, HAL, with the filter's card
 * variables) for "My groups' tasks", "Overdue" and a stage filter, and the count of every filter
 * of the sidebar ({@code POST /filter/{id}/count}). Target p95 ≤ 300 ms.</li>
 * <li>Correlation: {@link TeacherCommitments#answer} (the service behind the district's
 * {@code POST .../teachers/{id}/commitment}) for teachers picked at random among those waiting.
 * Target p95 ≤ 50 ms.</li>
 * </ul>
 *
 * <p>The database ({@code bench.national.database}, default {@code dpo_e_national}) is built, then
 * kept with {@code -Dbench.reuse=true}: a later run with the same size finds the marker table
 * {@code bench_national} and skips the fill (each run consumes {@code bench.national.answers}
 * waiting teachers). Without it the database is dropped afterwards. Run with
 * {@code DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres mvn -Pbench verify -Dbench.scale=national
 * -Dtest=NationalScaleBench}.
 */
class NationalScaleBench {

  private static final int PARTNERSHIPS = Integer.getInteger("bench.national.partnerships", 10_000);
  private static final int WORKSHOPS = Integer.getInteger("bench.national.workshops", Math.max(10, PARTNERSHIPS / 5));
  private static final int THREADS = Integer.getInteger("bench.national.threads", 2);
  private static final int RUNS = Integer.getInteger("bench.national.runs", 40);
  private static final int COUNT_RUNS = Integer.getInteger("bench.national.countRuns", 15);
  private static final int ANSWERS = Integer.getInteger("bench.national.answers", 200);
  private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
  private static final String DATABASE = System.getProperty("bench.national.database", "dpo_e_national");
  private static final int PORT = Integer.getInteger("bench.national.port", 0);
  private int port;
  private static final double TASKLIST_TARGET_MS = 300;
  private static final double CORRELATION_TARGET_MS = 50;

  @Test
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
  @EnabledIfSystemProperty(named = "bench.scale", matches = "national")
  void nationalScaleOnPostgres() throws Exception {
    String url = System.getenv("DB_URL");
    String user = System.getenv().getOrDefault("DB_USER", "postgres");
    String password = System.getenv().getOrDefault("DB_PASSWORD", "x");
    String databaseUrl = url.substring(0, url.lastIndexOf('/') + 1) + DATABASE;
    boolean filled = REUSE && filledWith(databaseUrl, user, password) == PARTNERSHIPS;
    if (!filled) {
      execute(url, user, password, "DROP DATABASE IF EXISTS " + DATABASE);
      execute(url, user, password, "CREATE DATABASE " + DATABASE);
    }
    try {
      run(databaseUrl, user, password, filled);
    } finally {
      if (!REUSE) {
        execute(url, user, password, "DROP DATABASE IF EXISTS " + DATABASE);
      }
    }
  }

  private void run(String url, String user, String password, boolean filled) throws Exception {
    List<String> arguments = new ArrayList<>();
    for (String property : List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password, "server.port=" + PORT, "camunda.bpm.job-execution.enabled=false",
        "partnership.mail.sender.enabled=false", "partnership.mail.retention.enabled=false", "spring.mail.host=127.0.0.1",
        "logging.level.root=WARN", "spring.profiles.active=postgres", "partnership.demo.enabled=false",
        "spring.datasource.hikari.maximum-pool-size=" + (THREADS + 10))) {
      arguments.add("--" + property);
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnershipOrchestratorApplication.class)
        .run(arguments.toArray(String[]::new))) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      port = ((WebServerApplicationContext) context).getWebServer().getPort();
      ObjectNode figures = BenchResults.newSection();
      if (!filled) {
        BenchResults.say("%n== National data set: building %,d partnerships, %,d workshops on %d threads",
            PARTNERSHIPS, WORKSHOPS, THREADS);
        long started = System.nanoTime();
        new NationalDataSet(context, Instant.now()).build(PARTNERSHIPS, WORKSHOPS, THREADS);
        long fillMs = (System.nanoTime() - started) / 1_000_000;
        long analyzeStart = System.nanoTime();
        jdbc.execute("ANALYZE");
        BenchResults.say("  built in %,d s, ANALYZE %,d ms", fillMs / 1000, (System.nanoTime() - analyzeStart) / 1_000_000);
        jdbc.execute("CREATE TABLE bench_national (partnerships INTEGER NOT NULL, build_seconds BIGINT NOT NULL,"
            + " built_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        jdbc.update("INSERT INTO bench_national VALUES (?, ?, now())", PARTNERSHIPS, fillMs / 1000);
        figures.put("buildSeconds", fillMs / 1000);
      } else {
        BenchResults.say("%n== National data set: reusing %s (%,d partnerships)", DATABASE, PARTNERSHIPS);
        jdbc.execute("ANALYZE");
      }
      ObjectNode size = figures.putObject("dataSet");
      for (String[] counted : new String[][] {{"partnerships", "SELECT COUNT(*) FROM partnership"},
          {"teachers", "SELECT COUNT(*) FROM teacher"}, {"openWorkshops", "SELECT COUNT(*) FROM workshop WHERE status = 'OPEN'"},
          {"processInstances", "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL"},
          {"openTasks", "SELECT COUNT(*) FROM ACT_RU_TASK"}, {"identityLinks", "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK"},
          {"authorizations", "SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION"},
          {"messageSubscriptions", "SELECT COUNT(*) FROM ACT_RU_EVENT_SUBSCR WHERE EVENT_TYPE_ = 'message'"},
          {"timers", "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"},
          {"variables", "SELECT COUNT(*) FROM ACT_RU_VARIABLE"}}) {
        size.put(counted[0], jdbc.queryForObject(counted[1], Long.class));
      }
      BenchResults.say("  %s", size);
      ensureUser(context.getBean(IdentityService.class), "manager", StaffGroups.PARTNERSHIP_MANAGERS);
      ensureUser(context.getBean(IdentityService.class), "pdmanager", StaffGroups.PD_MANAGERS);
      ensureUser(context.getBean(IdentityService.class), "facilitator", StaffGroups.FACILITATORS);

      tasklist(context, figures.putObject("tasklist"));
      correlation(context, jdbc, figures.putObject("commitmentCorrelation"));
      BenchResults.put("nationalScale", figures);
    }
  }

  /** The filter calls of Tasklist for each user: the lists measured, and every sidebar count. */
  private void tasklist(ConfigurableApplicationContext context, ObjectNode figures) throws Exception {
    FilterService filters = context.getBean(FilterService.class);
    Map<String, String> filterIds = new LinkedHashMap<>();
    for (Filter filter : filters.createFilterQuery().orderByFilterId().asc().list()) {
      filterIds.put(filter.getName(), filter.getId());
    }
    Map<String, String> stageOf = Map.of("manager", "Stage: " + PartnershipStage.APPLICATION_REVIEW.label(),
        "pdmanager", "Stage: " + PartnershipStage.IMPLEMENTATION.label(),
        "facilitator", "Stage: " + PartnershipStage.IMPLEMENTATION.label());
    BenchResults.say("%n== Tasklist at national scale: first page of 15 sorted by created (HAL) and sidebar counts,"
        + " %d runs per list, %d per count; target p95 <= %.0f ms", RUNS, COUNT_RUNS, TASKLIST_TARGET_MS);
    HttpClient client = HttpClient.newHttpClient();
    for (String user : List.of("manager", "pdmanager", "facilitator")) {
      ObjectNode forUser = figures.putObject(user);
      for (String name : List.of("My groups' tasks", "Overdue", stageOf.get(user))) {
        String path = "/engine-rest/filter/" + filterIds.get(name) + "/list?firstResult=0&maxResults=15";
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        double[] p = measure(RUNS, () -> call(client, user, path, body, "application/hal+json"));
        report(forUser, user, "list  " + name, p, TASKLIST_TARGET_MS);
      }
      for (Map.Entry<String, String> filter : filterIds.entrySet()) {
        String path = "/engine-rest/filter/" + filter.getValue() + "/count";
        double[] p = measure(COUNT_RUNS, () -> call(client, user, path, "{}", "application/json"));
        report(forUser, user, "count " + filter.getKey(), p, TASKLIST_TARGET_MS);
      }
    }
  }

  /** A district's answer about a teacher's guarantee, through the service of its endpoint. */
  private void correlation(ConfigurableApplicationContext context, JdbcTemplate jdbc, ObjectNode figures) throws Exception {
    TeacherCommitments commitments = context.getBean(TeacherCommitments.class);
    DistrictAccessTokens tokens = context.getBean(DistrictAccessTokens.class);
    long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EVENT_SUBSCR WHERE EVENT_TYPE_ = 'message'", Long.class);
    List<Object[]> teachers = jdbc.query("""
        SELECT t.id, p.reference FROM teacher t JOIN partnership p ON p.id = t.partnership_id
        JOIN ACT_RU_EVENT_SUBSCR s ON s.PROC_INST_ID_ = t.pd_process_instance_id AND s.EVENT_NAME_ = 'TeacherCommitmentReceived'
        ORDER BY md5(t.id::text || now()::text) LIMIT ?""", (row, n) -> new Object[] {row.getLong(1), row.getString(2)}, ANSWERS);
    if (teachers.size() < 20) {
      BenchResults.say("  correlation: only %d teachers still wait for their guarantee; rebuild the data set", teachers.size());
      return;
    }
    BenchResults.say("%n== Correlation: a district's guarantee for one teacher among %,d waiting message subscriptions,"
        + " %d answers; target p95 <= %.0f ms", waiting, teachers.size(), CORRELATION_TARGET_MS);
    int[] next = {0};
    int warmUp = Math.min(10, teachers.size() / 10);
    for (int i = 0; i < warmUp; i++) {
      Object[] teacher = teachers.get(next[0]++);
      commitments.answer((String) teacher[1], tokens.tokenFor((String) teacher[1], 1), (Long) teacher[0], new CommitmentAnswer(true));
    }
    double[] p = measure(0, teachers.size() - warmUp, () -> {
      Object[] teacher = teachers.get(next[0]++);
      commitments.answer((String) teacher[1], tokens.tokenFor((String) teacher[1], 1), (Long) teacher[0], new CommitmentAnswer(true));
    });
    report(figures, "district", "TeacherCommitments.answer", p, CORRELATION_TARGET_MS);
  }

  private interface Call {
    void run() throws Exception;
  }

  /** @return p50, p95, p99, max in ms after two warm-up calls */
  private static double[] measure(int runs, Call call) throws Exception {
    return measure(2, runs, call);
  }

  private static double[] measure(int warmUps, int runs, Call call) throws Exception {
    for (int i = 0; i < warmUps; i++) {
      call.run();
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return new double[] {times[(int) Math.ceil(runs * 0.50) - 1] / 1e6, times[(int) Math.ceil(runs * 0.95) - 1] / 1e6,
        times[(int) Math.ceil(runs * 0.99) - 1] / 1e6, times[runs - 1] / 1e6};
  }

  private static void report(ObjectNode figures, String user, String what, double[] p, double target) {
    BenchResults.say("  %-12s %-62s p50 %7.1f  p95 %7.1f  p99 %7.1f ms  (target p95 <= %.0f)%s", user, what, p[0], p[1],
        p[2], target, p[1] <= target ? "" : "  MISSED");
    figures.putObject(what.trim()).put("p50Ms", p[0]).put("p95Ms", p[1]).put("p99Ms", p[2]).put("maxMs", p[3])
        .put("targetP95Ms", target);
  }

  private void call(HttpClient client, String user, String path, String body, String accept) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " as " + user + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void ensureUser(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Bench");
      user.setPassword(id);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  /** @return the size the database was filled with, or -1 */
  private static int filledWith(String url, String user, String password) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        ResultSet marker = connection.createStatement().executeQuery("SELECT partnerships FROM bench_national")) {
      return marker.next() ? marker.getInt(1) : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private static void execute(String url, String user, String password, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.createStatement().execute(sql);
    }
  }
}
