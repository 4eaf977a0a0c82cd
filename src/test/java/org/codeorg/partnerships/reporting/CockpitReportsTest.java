package org.codeorg.partnerships.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.ReportDataSet;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Cockpit reports over HTTP, on the samples plus 200 generated partnerships spread over every
 * stage: the plugin API, its CSV and the staff API give the same numbers; only report readers get
 * an answer; bad parameters are 400 problems; each report is a constant number of statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitReportsTest extends SpringIntegrationTest {

  private static final String API = "/camunda/api/cockpit/plugin/partnerships/default/";
  private static final String YEAR = "2090-2091";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  Clock clock;

  private ReportDataSet dataSet;
  private WebappSession manager;
  private Http http;

  @BeforeAll
  void generate() throws Exception {
    dataSet = new ReportDataSet(jdbc, YEAR);
    dataSet.remove();
    dataSet.create(200, Instant.now());
    manager = WebappSession.logIn(baseUrl(), "cockpit", "manager", "manager");
    assertThat(manager.loginStatus()).isEqualTo(200);
    http = new Http(baseUrl());
  }

  @AfterAll
  void removeGenerated() {
    dataSet.remove();
  }

  @Test
  void thePluginApiItsCsvAndTheStaffApiGiveTheSameNumbers() throws Exception {
    JsonNode dashboard = json(manager.get(API + "dashboard"));
    List<CSVRecord> funnelCsv = csv(manager.get(API + "csv/funnel"));
    long everyStage = 0;
    for (int i = 0; i < PartnershipStage.values().length; i++) {
      PartnershipStage stage = PartnershipStage.values()[i];
      JsonNode entry = dashboard.get("funnel").get(i);
      JsonNode staffList = http.get("/api/partnerships?stage=" + stage, "manager:manager").json();
      assertThat(entry.get("stage").asText()).isEqualTo(stage.name());
      assertThat(entry.get("partnerships").asLong()).as(stage.name()).isEqualTo(staffList.size())
          .isGreaterThanOrEqualTo(20);   // 200 generated over 10 stages
      assertThat(funnelCsv.get(i + 1).get(0)).isEqualTo(stage.name());
      assertThat(Long.parseLong(funnelCsv.get(i + 1).get(2))).isEqualTo(staffList.size());
      // The partnerships page filtered by the stage: same total, same references as the staff API
      JsonNode page = json(manager.get(API + "partnerships?size=200&stage=" + stage));
      assertThat(page.get("total").asLong()).isEqualTo(staffList.size());
      List<String> staffReferences = new ArrayList<>();
      staffList.forEach(s -> staffReferences.add(s.get("reference").asText()));
      List<String> pageReferences = new ArrayList<>();
      page.get("rows").forEach(r -> pageReferences.add(r.get("reference").asText()));
      assertThat(pageReferences).containsExactlyInAnyOrderElementsOf(staffReferences);
      everyStage += staffList.size();
    }
    assertThat(http.get("/api/partnerships", "manager:manager").json().size()).isEqualTo(everyStage);

    // Every partnership, page by page (size 50), against the CSV of the whole list and the staff detail
    List<JsonNode> rows = new ArrayList<>();
    for (int p = 0; ; p++) {
      JsonNode page = json(manager.get(API + "partnerships?sort=reference&size=50&page=" + p));
      page.get("rows").forEach(rows::add);
      if ((long) (p + 1) * 50 >= page.get("total").asLong()) {
        break;
      }
    }
    assertThat(rows).hasSize((int) everyStage);
    List<CSVRecord> listCsv = csv(manager.get(API + "csv/partnerships?sort=reference"));
    assertThat(listCsv).hasSize(rows.size() + 1);
    Map<String, JsonNode> byDistrict = new HashMap<>();
    for (int p = 0; ; p++) {
      JsonNode page = json(manager.get(API + "pd/districts?size=200&page=" + p));
      page.get("rows").forEach(hours -> byDistrict.put(hours.get("detail").asText(), hours));
      if ((long) (p + 1) * 200 >= page.get("total").asLong()) {
        break;
      }
    }
    assertThat(csv(manager.get(API + "csv/pd-districts"))).hasSize(byDistrict.size() + 1);
    int checkedAgainstStaffApi = 0;
    int withOpenTasks = 0;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      CSVRecord record = listCsv.get(i + 1);
      String reference = row.get("reference").asText();
      assertThat(record.get(0)).isEqualTo(reference);
      assertThat(record.get(4)).isEqualTo(row.get("stage").asText());
      assertThat(Long.parseLong(record.get(5))).isEqualTo(row.get("daysInStage").asLong());
      assertThat(Long.parseLong(record.get(7))).isEqualTo(row.get("openTasks").asLong());
      assertThat(Long.parseLong(record.get(8))).isEqualTo(row.get("teachersInPd").asLong());
      assertThat(Long.parseLong(record.get(9))).isEqualTo(row.get("hoursEarned").asLong());
      assertThat(Long.parseLong(record.get(10))).isEqualTo(row.get("hoursPlanned").asLong());
      boolean generated = reference.startsWith("DP-209");
      if (generated && i % 10 != 0) {
        continue;   // every sample partnership and one generated row in ten against the staff API
      }
      Http.Response staff = http.get("/api/partnerships/" + reference, "manager:manager");
      assertThat(staff.status()).as(staff.body()).isEqualTo(200);
      JsonNode detail = staff.json();
      assertThat(row.get("stage").asText()).isEqualTo(detail.get("stage").asText());
      assertThat(row.get("district").asText()).isEqualTo(detail.get("district").asText());
      assertThat(row.get("state").asText()).isEqualTo(detail.get("state").asText());
      assertThat(row.get("schoolYear").asText()).isEqualTo(detail.get("schoolYear").asText());
      assertThat(row.get("openTasks").asInt()).as(reference).isEqualTo(detail.get("openTasks").size());
      String earliestDue = null;
      for (JsonNode task : detail.get("openTasks")) {
        String due = task.get("due").isNull() ? null : task.get("due").asText();
        if (due != null && (earliestDue == null || Instant.parse(due).isBefore(Instant.parse(earliestDue)))) {
          earliestDue = due;
        }
      }
      assertThat(row.get("nextDeadline").isNull() ? null : Instant.parse(row.get("nextDeadline").asText()))
          .isEqualTo(earliestDue == null ? null : Instant.parse(earliestDue));
      long teachersInPd = 0;
      long earned = 0;
      long planned = 0;
      for (JsonNode teacher : detail.get("professionalDevelopment")) {
        teachersInPd += teacher.get("phases").isEmpty() ? 0 : 1;
        earned += teacher.get("hoursEarned").asLong();
        planned += teacher.get("plannedHours").asLong();
      }
      assertThat(row.get("teachersInPd").asLong()).as(reference).isEqualTo(teachersInPd);
      assertThat(row.get("hoursEarned").asLong()).as(reference).isEqualTo(earned);
      assertThat(row.get("hoursPlanned").asLong()).as(reference).isEqualTo(planned);
      if (teachersInPd > 0) {
        JsonNode hours = byDistrict.get(reference);
        assertThat(hours.get("hoursEarned").asLong()).isEqualTo(earned);
        assertThat(hours.get("hoursPlanned").asLong()).isEqualTo(planned);
        assertThat(hours.get("teachers").asLong()).isEqualTo(teachersInPd);
      }
      withOpenTasks += row.get("openTasks").asInt() > 0 ? 1 : 0;
      checkedAgainstStaffApi++;
    }
    assertThat(checkedAgainstStaffApi).isGreaterThan(20);
    assertThat(withOpenTasks).as("sample partnerships with open tasks").isPositive();

    // Emails queued and failed: the dashboard, its CSV and the staff API's emails of every partnership
    long failed = 0;
    long queued = 0;
    for (JsonNode summary : http.get("/api/partnerships", "manager:manager").json()) {
      for (JsonNode email : http.get("/api/partnerships/" + summary.get("reference").asText() + "/emails",
          "manager:manager").json()) {
        failed += email.get("status").asText().equals("FAILED") ? 1 : 0;
        queued += email.get("status").asText().equals("QUEUED") ? 1 : 0;
      }
    }
    long orphanQueued = jdbc.queryForObject(
        "SELECT COUNT(*) FROM email_outbox WHERE partnership_id IS NULL AND status = 'QUEUED'", Long.class);
    long orphanFailed = jdbc.queryForObject(
        "SELECT COUNT(*) FROM email_outbox WHERE partnership_id IS NULL AND status = 'FAILED'", Long.class);
    assertThat(dashboard.get("emails").get("failed").asLong()).isEqualTo(failed + orphanFailed).isGreaterThanOrEqualTo(29);
    assertThat(dashboard.get("emails").get("queued").asLong()).isEqualTo(queued + orphanQueued).isGreaterThanOrEqualTo(19);
    List<CSVRecord> emailsCsv = csv(manager.get(API + "csv/emails"));
    assertThat(Long.parseLong(emailsCsv.get(2).get(1))).isEqualTo(failed + orphanFailed);
    // The partnerships page's e-mail filter (the dashboard's links) finds the partnerships with a failed email
    assertThat(json(manager.get(API + "partnerships?emailStatus=FAILED")).get("total").asLong())
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT partnership_id) FROM email_outbox WHERE status = 'FAILED'",
            Long.class));

    // PD per teacher: the pages add up to the per-district totals
    long teacherEarned = 0;
    JsonNode teachers = json(manager.get(API + "pd/teachers?size=200"));
    for (int p = 0; ; p++) {
      JsonNode page = p == 0 ? teachers : json(manager.get(API + "pd/teachers?size=200&page=" + p));
      for (JsonNode t : page.get("rows")) {
        teacherEarned += t.get("hoursEarned").asLong();
      }
      if ((long) (p + 1) * 200 >= page.get("total").asLong()) {
        break;
      }
    }
    long districtEarned = 0;
    for (JsonNode hours : byDistrict.values()) {
      districtEarned += hours.get("hoursEarned").asLong();
    }
    assertThat(teacherEarned).isEqualTo(districtEarned).isPositive();
    assertThat(csv(manager.get(API + "csv/pd-teachers"))).hasSize(teachers.get("total").asInt() + 1);
  }

  @Test
  void theCsvIsUtf8WithABomAndNeutralisesFormulas() throws Exception {
    HttpResponse<String> response = manager.get(API + "csv/partnerships?schoolYear=" + YEAR + "&search=hyperlink");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("partnerships.csv");
    assertThat(response.body()).startsWith(ReportCsv.BOM + "Reference,District,");
    List<CSVRecord> records = csv(response);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Generated district 3\")");
    assertThat(response.body()).contains("\r\n").contains("\"'=HYPERLINK(\"\"http://evil.example\"\",");
  }

  @Test
  void onlyAdministratorsPartnershipManagersAndPdManagersGetAnAnswer() throws Exception {
    for (String reader : List.of("manager", "pdmanager", "admin")) {
      WebappSession session = WebappSession.logIn(baseUrl(), "cockpit", reader, reader);
      assertThat(session.get(API + "access").statusCode()).as(reader).isEqualTo(204);
      assertThat(session.get(API + "dashboard").statusCode()).as(reader).isEqualTo(200);
    }
    for (String other : List.of("facilitator", "evaluator", "liaison")) {
      WebappSession session = WebappSession.logIn(baseUrl(), "tasklist", other, other);
      assertThat(session.loginStatus()).isEqualTo(200);
      for (String path : List.of("access", "dashboard", "partnerships", "pd", "csv/partnerships", "csv/funnel")) {
        HttpResponse<String> refused = session.get(API + path);
        assertThat(refused.statusCode()).as(other + " " + path).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      }
    }
    assertThat(http.get(API + "dashboard", null).status()).isIn(401, 403);
  }

  @Test
  void badParametersAreProblemsNamingTheField() throws Exception {
    Map<String, String> cases = Map.of("partnerships?stage=NOPE", "stage", "partnerships?state=California", "state",
        "partnerships?schoolYear=2027", "schoolYear", "partnerships?sort=password", "sort",
        "partnerships?direction=up", "direction", "partnerships?size=100000", "size", "partnerships?page=-1", "page",
        "partnerships?page=abc", "page", "pd/teachers?size=0", "size", "partnerships?emailStatus=LOST", "emailStatus");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = manager.get(API + c.getKey());
      assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(Http.JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo(c.getValue());
    }
    assertThat(manager.get(API + "csv/secrets").statusCode()).isEqualTo(404);
    assertThat(manager.get(API + "process-instance/no-such-instance").statusCode()).isEqualTo(404);
  }

  @Test
  void searchSortAndPagingWork() throws Exception {
    JsonNode found = json(manager.get(API + "partnerships?search=generated%20district%2017"));
    List<String> districts = new ArrayList<>();
    found.get("rows").forEach(r -> districts.add(r.get("district").asText()));
    assertThat(districts).containsExactlyInAnyOrder("Generated district 17", "Generated district 170",
        "Generated district 171", "Generated district 172", "Generated district 173", "Generated district 174",
        "Generated district 175", "Generated district 176", "Generated district 177", "Generated district 178",
        "Generated district 179");
    JsonNode byHours = json(manager.get(API + "partnerships?schoolYear=" + YEAR + "&sort=hoursEarned&direction=desc&size=5"));
    long previous = Long.MAX_VALUE;
    for (JsonNode row : byHours.get("rows")) {
      assertThat(row.get("hoursEarned").asLong()).isLessThanOrEqualTo(previous);
      previous = row.get("hoursEarned").asLong();
    }
    assertThat(byHours.get("total").asLong()).isEqualTo(200);
    JsonNode page1 = json(manager.get(API + "partnerships?schoolYear=" + YEAR + "&state=CA&size=7&page=1"));
    assertThat(page1.get("total").asLong()).isEqualTo(40);
    assertThat(page1.get("rows")).hasSize(7);
    page1.get("rows").forEach(r -> assertThat(r.get("state").asText()).isEqualTo("CA"));
  }

  @Test
  void theTabOfALifecycleInstanceShowsItsPartnership() throws Exception {
    String reference = http.get("/api/partnerships?stage=IMPLEMENTATION", "manager:manager").json().findValuesAsText(
        "reference").stream().filter(r -> !r.startsWith("DP-209")).findFirst().orElseThrow();
    String instanceId = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey("partnership-lifecycle").singleResult().getId();
    JsonNode tab = json(manager.get(API + "process-instance/" + instanceId));
    JsonNode detail = http.get("/api/partnerships/" + reference, "manager:manager").json();
    assertThat(tab.get("partnership")).isEqualTo(detail);
    assertThat(tab.get("partnership").get("timeline")).isNotEmpty();
    assertThat(csv(manager.get(API + "process-instance/" + instanceId + "/csv/timeline")))
        .hasSize(detail.get("timeline").size() + 1);
    assertThat(csv(manager.get(API + "process-instance/" + instanceId + "/csv/emails")))
        .hasSize(tab.get("emails").size() + 1);
  }

  @Test
  void eachReportIsAConstantNumberOfStatementsWhateverTheRows() {
    AtomicInteger statements = new AtomicInteger();
    PartnershipReports counted = new PartnershipReports(counting(dataSource, statements), clock);
    Map<String, Integer> figures = new HashMap<>();
    for (int size : List.of(1, 10, 200)) {
      statements.set(0);
      counted.partnerships(new PartnershipReports.PartnershipQuery(null, null, null, null, "openTasks", "desc", 0, size));
      figures.merge("partnerships", statements.get(), (a, b) -> a.equals(b) ? a : -1);
      statements.set(0);
      counted.partnerships(new PartnershipReports.PartnershipQuery(null, null, null, null, "reference", null, 1, size));
      figures.merge("partnerships by reference", statements.get(), (a, b) -> a.equals(b) ? a : -1);
      statements.set(0);
      counted.teachers(0, size);
      figures.merge("teachers", statements.get(), (a, b) -> a.equals(b) ? a : -1);
      statements.set(0);
      counted.districts(0, size);
      figures.merge("districts", statements.get(), (a, b) -> a.equals(b) ? a : -1);
    }
    statements.set(0);
    counted.dashboard();
    figures.put("dashboard", statements.get());
    statements.set(0);
    counted.pd();
    figures.put("pd", statements.get());
    statements.set(0);
    assertThat(counted.allPartnerships(new PartnershipReports.PartnershipQuery(null, null, null, null, null, null,
        null, null))).hasSizeGreaterThan(200);
    figures.put("csv", statements.get());
    assertThat(figures).containsExactlyInAnyOrderEntriesOf(
        Map.of("partnerships", 2, "partnerships by reference", 2, "teachers", 2, "districts", 2, "dashboard", 3,
            "pd", 5, "csv", 1));
  }

  /** Counts every statement executed through the data source. */
  private static DataSource counting(DataSource target, AtomicInteger statements) {
    return (DataSource) Proxy.newProxyInstance(CockpitReportsTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = method.invoke(target, args);
          if (!(result instanceof Connection connection)) {
            return result;
          }
          return Proxy.newProxyInstance(CockpitReportsTest.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p2, m2, a2) -> {
                Object made = m2.invoke(connection, a2);
                if (made instanceof java.sql.PreparedStatement prepared) {
                  return Proxy.newProxyInstance(CockpitReportsTest.class.getClassLoader(),
                      new Class<?>[] {java.sql.PreparedStatement.class}, (p3, m3, a3) -> {
                        if (m3.getName().startsWith("execute")) {
                          statements.incrementAndGet();
                        }
                        return m3.invoke(prepared, a3);
                      });
                }
                if (made instanceof Statement statement) {
                  return Proxy.newProxyInstance(CockpitReportsTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                      (p3, m3, a3) -> {
                        if (m3.getName().startsWith("execute")) {
                          statements.incrementAndGet();
                        }
                        return m3.invoke(statement, a3);
                      });
                }
                return made;
              });
        });
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.JSON.readTree(response.body());
  }

  private static List<CSVRecord> csv(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String body = response.body();
    assertThat(body).startsWith(ReportCsv.BOM);
    return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
  }
}
