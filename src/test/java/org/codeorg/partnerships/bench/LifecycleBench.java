package org.codeorg.partnerships.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.codeorg.partnerships.reliability.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 8, parts 1–3: whole partnership lifecycles through the application against the same
 * BPMN graphs on the bare engine ({@link BareWorld}), on H2 and on PostgreSQL, then the
 * application's cost per partnership with 100 and with 10,000 partnerships already in its
 * database. Figures are printed, kept in {@code target/bench/summary.txt} and in
 * {@code target/bench/results.json}. A measurement, not a test of timings: it fails only if a
 * lifecycle does not finish or the two engines walk different paths.
 *
 * <p>Knobs (system properties): {@code bench.partnerships} per measured batch (30),
 * {@code bench.rounds} (3), {@code bench.warmUp} (20), {@code bench.scaling} (true),
 * {@code bench.existing} (10000), {@code bench.finishedShare} (0.05 of the partnerships added
 * for the scaling run go through the whole lifecycle, the rest wait for review),
 * {@code bench.keepDatabases} (false), {@code bench.teachersPerCourse} and
 * {@code bench.sectionsPerCourse} (1, see {@link Shape}).
 */
class LifecycleBench {

  private static final int PARTNERSHIPS = Integer.getInteger("bench.partnerships", 30);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 20);
  private static final boolean SCALING = Boolean.parseBoolean(System.getProperty("bench.scaling", "true"));
  private static final int EXISTING = Integer.getInteger("bench.existing", 10_000);
  /** Of the partnerships added to reach 100 and 10,000: the share taken through the whole lifecycle; the rest wait for review. */
  private static final double FINISHED_SHARE = Double.parseDouble(System.getProperty("bench.finishedShare", "0.05"));
  /** Keeps the PostgreSQL databases for a look at query plans afterwards. */
  private static final boolean KEEP_DATABASES = Boolean.getBoolean("bench.keepDatabases");
  private static final String BENCH_YEAR = "2027";
  private static final String FINISHED_YEAR = "2029";
  /** Intake-only partnerships apply in this year: their first timers fall due long after every batch's last. */
  private static final String ACTIVE_YEAR = "2031";
  private static final AtomicInteger DISTRICTS = new AtomicInteger(1);

  private final Shape shape = Shape.fromSystemProperties();
  private final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    cleanUp.forEach(Runnable::run);
    ClockUtil.reset();
  }

  @Test
  void onH2() throws Exception {
    long id = System.currentTimeMillis();
    compare("H2", "jdbc:h2:mem:bench-bare-" + id + ";DB_CLOSE_DELAY=-1",
        "jdbc:h2:mem:bench-app-" + id + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
  void onPostgres() throws Exception {
    long id = System.currentTimeMillis();
    String bare = "dpo_bench_bare_" + id;
    String app = "dpo_bench_app_" + id;
    String bareUrl = Databases.create(bare);
    String appUrl = Databases.create(app);
    if (!KEEP_DATABASES) {
      cleanUp.add(() -> drop(bare));
      cleanUp.add(() -> drop(app));
    }
    compare("PostgreSQL", bareUrl, appUrl, System.getenv().getOrDefault("DB_USER", "postgres"),
        System.getenv().getOrDefault("DB_PASSWORD", "x"));
  }

  private void compare(String database, String bareUrl, String appUrl, String user, String password) throws Exception {
    BenchResults.say("%n== Lifecycle benchmark on %s: %d partnerships per batch (%d teachers, %d sections each), %d rounds",
        database, PARTNERSHIPS, shape.teachers(), shape.sections(), ROUNDS);
    SqlCounter bareSql = new SqlCounter();
    SqlCounter appSql = new SqlCounter();
    BareWorld bare = new BareWorld(shape, bareUrl, user, password, bareSql);
    cleanUp.add(0, bare::close);
    AppWorld app = new AppWorld(shape, appUrl, user, password, appSql);
    cleanUp.add(0, app::close);

    batch(bare, bareSql, WARM_UP, BENCH_YEAR);
    batch(app, appSql, WARM_UP, BENCH_YEAR);
    List<Batch> bareRuns = new ArrayList<>();
    List<Batch> appRuns = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      bareRuns.add(batch(bare, bareSql, PARTNERSHIPS, BENCH_YEAR));
      appRuns.add(batch(app, appSql, PARTNERSHIPS, BENCH_YEAR));
    }
    Batch bareTotal = Batch.sum(bareRuns);
    Batch appTotal = Batch.sum(appRuns);
    ObjectNode figures = BenchResults.newSection();
    figures.put("partnershipsPerBatch", PARTNERSHIPS);
    figures.put("rounds", ROUNDS);
    figures.put("teachersPerPartnership", shape.teachers());
    figures.put("sectionsPerPartnership", shape.sections());
    figures.set("bare", bareTotal.json());
    figures.set("app", appTotal.json());
    figures.put("ratioAppToBareThroughput", round(appTotal.throughput() / bareTotal.throughput()));
    BenchResults.say("Bare engine:  %s", bareTotal);
    BenchResults.say("Application:  %s", appTotal);
    BenchResults.say("Ratio app/bare throughput: %.2f (target ≥ 0.85); per partnership the application costs %.1f ms"
        + " more than the engine alone", appTotal.throughput() / bareTotal.throughput(),
        (appTotal.msPerPartnership() - bareTotal.msPerPartnership()));
    BenchResults.say("Statements per partnership by area, bare: %s", perPartnership(bareSql, bareRuns.get(ROUNDS - 1)));
    BenchResults.say("Statements per partnership by area, app:  %s", perPartnership(appSql, appRuns.get(ROUNDS - 1)));
    compareTables(bareSql, bareRuns.get(ROUNDS - 1), appSql, appRuns.get(ROUNDS - 1));
    topStatements("application", appSql, appRuns.get(ROUNDS - 1));
    assertThat(appTotal.activitiesPerPartnership()).as("the application and the bare engine walk the same graph")
        .isCloseTo(bareTotal.activitiesPerPartnership(), org.assertj.core.data.Percentage.withPercentage(5));

    cleanUp.remove(0);
    cleanUp.remove(0);
    bare.close();
    if (SCALING) {
      figures.set("scaling", scaling(app, appSql));
    }
    BenchResults.put("lifecycle" + database, figures);
  }

  /** The application's cost per partnership with 100, then {@code EXISTING}, partnerships already in its database. */
  private ObjectNode scaling(AppWorld app, SqlCounter sql) throws Exception {
    prefill(app, sql, 100);
    Batch small = batch(app, sql, PARTNERSHIPS, BENCH_YEAR);
    BenchResults.say("With %d partnerships in the database:    %s", app.partnerships() - PARTNERSHIPS, small);
    prefill(app, sql, EXISTING);
    Batch large = batch(app, sql, PARTNERSHIPS, BENCH_YEAR);
    BenchResults.say("With %d partnerships in the database: %s", app.partnerships() - PARTNERSHIPS, large);
    topStatements("application with " + EXISTING + " partnerships", sql, large);
    double ratio = large.msPerPartnership() / small.msPerPartnership();
    double statementRatio = (double) large.statements() / small.statements();
    BenchResults.say("Cost per partnership at %d vs 100: %.2f× time (target ≤ 1.2), %.2f× statements", EXISTING, ratio,
        statementRatio);
    ObjectNode figures = BenchResults.newSection();
    figures.set("with100", small.json());
    figures.set("with" + EXISTING, large.json());
    figures.put("ratioTimePerPartnership", round(ratio));
    figures.put("ratioStatementsPerPartnership", round(statementRatio));
    return figures;
  }

  /**
   * Fills the database up to {@code target} partnerships: a share through the whole lifecycle
   * (finished), the rest applied and waiting for review (active, with their first timer in 2031).
   */
  private void prefill(AppWorld app, SqlCounter sql, int target) {
    long missing = target - app.partnerships();
    if (missing <= 0) {
      return;
    }
    long start = System.nanoTime();
    int finished = (int) Math.round(missing * FINISHED_SHARE);
    for (int done = 0; done < finished; done += 100) {
      batch(app, sql, Math.min(100, finished - done), FINISHED_YEAR);
      BenchResults.say("  … %d of %d finished partnerships added", Math.min(done + 100, finished), finished);
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse(ACTIVE_YEAR + "-01-15T12:00:00Z")));
    long active = missing - finished;
    for (long n = 1; n <= active; n++) {
      app.apply(DISTRICTS.getAndIncrement(), ACTIVE_YEAR + "-" + (Integer.parseInt(ACTIVE_YEAR) + 1));
      if (n % 1000 == 0 || n == active) {
        BenchResults.say("  … %d of %d applications waiting for review added", n, active);
      }
    }
    app.analyze();
    BenchResults.say("Database filled to %d partnerships (%d finished, %d waiting) in %.0f s, statistics refreshed",
        app.partnerships(), finished, active, (System.nanoTime() - start) / 1e9);
  }

  private Batch batch(Autopilot.World world, SqlCounter sql, int count, String year) {
    sql.reset();
    long driverBefore = SqlCounter.driverNanos();
    long activitiesBefore = SqlCounter.driver(
        () -> world.engine().getHistoryService().createHistoricActivityInstanceQuery().count());
    Autopilot pilot = new Autopilot(world);
    long start = System.nanoTime();
    pilot.run(DISTRICTS.getAndAdd(count), count, Instant.parse(year + "-01-15T12:00:00Z"),
        year + "-" + (Integer.parseInt(year) + 1));
    long elapsed = System.nanoTime() - start;
    long driver = SqlCounter.driverNanos() - driverBefore;
    long activities = SqlCounter.driver(
        () -> world.engine().getHistoryService().createHistoricActivityInstanceQuery().count()) - activitiesBefore;
    return new Batch(count, elapsed / 1e9, (elapsed - driver) / 1e9, sql.statements(), sql.nanos() / 1e9, activities,
        pilot.workshops());
  }

  private static String perPartnership(SqlCounter sql, Batch batch) {
    StringBuilder text = new StringBuilder();
    sql.byArea().forEach((area, count) -> text.append(String.format(java.util.Locale.ROOT, "%s %.0f; ", area,
        (double) count / batch.partnerships())));
    return text.toString();
  }

  /** Where the application's extra statements go: per table, bare and app, largest difference first. */
  private static void compareTables(SqlCounter bareSql, Batch bare, SqlCounter appSql, Batch app) {
    Map<String, Long> bareTables = bareSql.byTable();
    Map<String, Long> appTables = appSql.byTable();
    java.util.Set<String> tables = new java.util.TreeSet<>(bareTables.keySet());
    tables.addAll(appTables.keySet());
    List<String> rows = new ArrayList<>(tables);
    java.util.function.ToDoubleFunction<String> extra = table -> appTables.getOrDefault(table, 0L)
        / (double) app.partnerships() - bareTables.getOrDefault(table, 0L) / (double) bare.partnerships();
    rows.sort(java.util.Comparator.comparingDouble(extra).reversed());
    BenchResults.say("Statements per partnership by table (bare → app), largest increase first:");
    for (String table : rows.subList(0, Math.min(15, rows.size()))) {
      BenchResults.say("  %-28s %7.1f → %7.1f", table, bareTables.getOrDefault(table, 0L) / (double) bare.partnerships(),
          appTables.getOrDefault(table, 0L) / (double) app.partnerships());
    }
  }

  private static void topStatements(String label, SqlCounter sql, Batch batch) {
    BenchResults.say("Where the database time goes (%s, last batch; per partnership):", label);
    for (SqlCounter.Figure figure : sql.top(12)) {
      BenchResults.say("  %6.1f ms %6.1f× %s", figure.nanos() / 1e6 / batch.partnerships(),
          (double) figure.count() / batch.partnerships(),
          figure.sql().length() > 150 ? figure.sql().substring(0, 150) + "…" : figure.sql());
    }
    BenchResults.say("The project's most frequent statements (%s, per partnership):", label);
    for (SqlCounter.Figure figure : sql.topProject(10)) {
      BenchResults.say("  %6.1f× %6.1f ms %s", (double) figure.count() / batch.partnerships(),
          figure.nanos() / 1e6 / batch.partnerships(),
          figure.sql().length() > 150 ? figure.sql().substring(0, 150) + "…" : figure.sql());
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void drop(String database) {
    try {
      Databases.drop(database);
    } catch (Exception e) {
      System.err.println("Could not drop " + database + ": " + e);
    }
  }

  /**
   * One batch: wall time, and work time without the driver's lookups (what is due, open,
   * waiting), the statements the work sent and their time, activity instances it ran.
   */
  record Batch(int partnerships, double seconds, double workSeconds, long statements, double sqlSeconds,
      long activities, int workshops) {

    static Batch sum(List<Batch> batches) {
      return batches.stream().reduce(new Batch(0, 0, 0, 0, 0, 0, 0), (a, b) -> new Batch(a.partnerships + b.partnerships,
          a.seconds + b.seconds, a.workSeconds + b.workSeconds, a.statements + b.statements, a.sqlSeconds + b.sqlSeconds,
          a.activities + b.activities, a.workshops + b.workshops));
    }

    double throughput() {
      return partnerships / workSeconds;
    }

    double msPerPartnership() {
      return workSeconds * 1000 / partnerships;
    }

    double activitiesPerPartnership() {
      return (double) activities / partnerships;
    }

    ObjectNode json() {
      ObjectNode json = BenchResults.newSection();
      json.put("partnerships", partnerships);
      json.put("seconds", round(seconds));
      json.put("workSeconds", round(workSeconds));
      json.put("partnershipsPerSecond", round(throughput()));
      json.put("msPerPartnership", round(msPerPartnership()));
      json.put("statementsPerPartnership", round((double) statements / partnerships));
      json.put("sqlMsPerPartnership", round(sqlSeconds * 1000 / partnerships));
      json.put("activityInstancesPerPartnership", round(activitiesPerPartnership()));
      json.put("workshops", workshops);
      return json;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d partnerships in %.1f s of work (%.1f s with the driver's lookups)"
          + " = %.2f partnerships/s, %.0f ms each; %.0f statements each (%.0f ms in the database);"
          + " %.0f activity instances each; %d workshops", partnerships, workSeconds, seconds, throughput(),
          msPerPartnership(), (double) statements / partnerships, sqlSeconds * 1000 / partnerships,
          activitiesPerPartnership(), workshops);
    }
  }
}
