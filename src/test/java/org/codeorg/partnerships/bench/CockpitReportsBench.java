package org.codeorg.partnerships.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.PartnershipOrchestratorApplication;
import org.codeorg.partnerships.reliability.Databases;
import org.codeorg.partnerships.support.ReportDataSet;
import org.codeorg.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Response times of the Cockpit reports over the plugin API (HTTP, Cockpit session of a partnership
 * manager, JSON or CSV) at {@code bench.reports.partnerships} partnerships (default 10,000) on
 * PostgreSQL: the application with its demo data (sample partnerships, whose lifecycle instances
 * hold the only open tasks: the generated ones have no process instances) plus generated partnerships ({@link ReportDataSet}) in a database of its own, which is
 * dropped afterwards. Prints p50, p95 and max per report; the target is p95 ≤ 300 ms for the JSON
 * reports. Run with {@code DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres mvn -Pbench verify
 * -Dtest=CockpitReportsBench}.
 */
class CockpitReportsBench {

  private static final int PARTNERSHIPS = Integer.getInteger("bench.reports.partnerships", 10_000);
  private static final int RUNS = Integer.getInteger("bench.reports.runs", 60);
  private static final String API = "/camunda/api/cockpit/plugin/partnerships/default/";

  @Test
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
  void reportsAtScaleOnPostgres() throws Exception {
    String database = "dpo_bench_reports_" + System.currentTimeMillis();
    String url = Databases.create(database);
    try {
      run(url, System.getenv().getOrDefault("DB_USER", "postgres"), System.getenv().getOrDefault("DB_PASSWORD", "x"));
    } finally {
      Databases.drop(database);
    }
  }

  private void run(String url, String user, String password) throws Exception {
    List<String> arguments = new ArrayList<>();
    for (String property : List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password, "server.port=0", "camunda.bpm.job-execution.enabled=false",
        "partnership.mail.sender.enabled=false", "spring.mail.host=127.0.0.1", "logging.level.root=WARN",
        "spring.profiles.active=postgres", "partnership.demo.enabled=true",
        "partnership.demo.samples-in-background=false")) {
      arguments.add("--" + property);
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnershipOrchestratorApplication.class)
        .run(arguments.toArray(String[]::new))) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      long started = System.nanoTime();
      new ReportDataSet(jdbc, "2095-2096").create(PARTNERSHIPS, Instant.now());
      jdbc.execute("ANALYZE");
      long total = jdbc.queryForObject("SELECT COUNT(*) FROM partnership", Long.class);
      long openTasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      BenchResults.say("%n== Cockpit reports on PostgreSQL: %d partnerships (%d generated in %d ms), %d open tasks,"
          + " %d runs each", total, PARTNERSHIPS, (System.nanoTime() - started) / 1_000_000, openTasks, RUNS);
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      WebappSession manager = WebappSession.logIn("http://localhost:" + port, "cockpit", "manager", "manager");
      if (manager.loginStatus() != 200) {
        throw new IllegalStateException("Cockpit log-in answered " + manager.loginStatus());
      }
      Map<String, String> reports = new LinkedHashMap<>();
      reports.put("dashboard", "dashboard");
      reports.put("partnerships, first page of 50", "partnerships");
      reports.put("partnerships, page 100 of 50", "partnerships?page=100");
      reports.put("partnerships, by open tasks", "partnerships?sort=openTasks&direction=desc");
      reports.put("partnerships, by hours earned", "partnerships?sort=hoursEarned&direction=desc");
      reports.put("partnerships, stage + district search", "partnerships?stage=IMPLEMENTATION&search=district%2012");
      reports.put("PD report", "pd");
      reports.put("PD teachers, page 10 of 50", "pd/teachers?page=10");
      reports.put("instance tab", null);
      reports.put("CSV of every partnership", "csv/partnerships");
      String instance = context.getBean(org.camunda.bpm.engine.HistoryService.class)
          .createHistoricProcessInstanceQuery().processDefinitionKey("partnership-lifecycle").list().get(0).getId();
      reports.put("instance tab", "process-instance/" + instance);
      ObjectNode figures = BenchResults.newSection();
      for (Map.Entry<String, String> report : reports.entrySet()) {
        for (int i = 0; i < 5; i++) {
          check(manager.get(API + report.getValue()));
        }
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
          long start = System.nanoTime();
          check(manager.get(API + report.getValue()));
          times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        double p50 = times[RUNS / 2] / 1e6;
        double p95 = times[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
        double max = times[RUNS - 1] / 1e6;
        BenchResults.say("  %-40s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms", report.getKey(), p50, p95, max);
        figures.putObject(report.getKey()).put("p50Ms", p50).put("p95Ms", p95).put("maxMs", max);
      }
      figures.put("partnerships", total);
      BenchResults.put("cockpitReports", figures);
    }
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Report answered " + response.statusCode() + ": " + response.body());
    }
  }
}
