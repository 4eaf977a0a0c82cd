package org.codeorg.partnerships.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.identity.DemoUsers;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.mail.OutboxRetention;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.HistoryCleanupCheck;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.OutboxConflictCheck;
import org.codeorg.partnerships.support.OutboxRetentionCheck;
import org.codeorg.partnerships.support.LifecycleJourney;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.RenewalJourney;
import org.codeorg.partnerships.support.TestApplications;
import org.codeorg.partnerships.support.TestSmtpServer;
import org.codeorg.partnerships.workshop.FacilitatorQualifications;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application on PostgreSQL with the production profile, as docker-compose runs it: Flyway
 * and Hibernate validation on PostgreSQL, no demo users or samples, the admin from the
 * environment, a registration, and the district journey of {@code DistrictJourneyTest} over HTTP.
 *
 * <p>Runs when {@code DB_URL} names a database (.ci/run creates a fresh one); see the README.
 */
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
@ActiveProfiles({"postgres", "prod"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=opsadmin",
    "ADMIN_PASSWORD=ci-only-secret-4f9a2c",
    "DISTRICT_TOKEN_SECRET=ci-only-token-secret-0123456789abcdef",
    "partnership.mail.sender.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresProductionProfileTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  OutboxEmailRepository outbox;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  OutboxSender sender;
  @Autowired
  PartnershipRenewals renewals;
  @Autowired
  FacilitatorQualifications qualifications;
  @Autowired
  OutboxRetention retention;
  @Autowired
  MailOutbox mailOutbox;
  @Autowired
  OutboxMailProperties mailProperties;
  @Autowired
  PlatformTransactionManager transactionManager;
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestSmtpServer::port);
  }

  @Test
  void aDistrictGoesFromApplicationToAnApprovedPlanOnPostgresql() {
    ensureUser("pgmanager", "pg-manager-password", "partnership-managers");
    new DistrictJourney(new Http("http://localhost:" + port), processEngine, sender,
        "pgmanager:pg-manager-password").run();
  }

  @Test
  void teachersGoThroughEveryPdPhaseOnPostgresql() {
    ensureUser("pgmanager", "pg-manager-password", "partnership-managers");
    ensureUser("pgpdmanager", "pg-pd-manager-password", "pd-managers");
    ensureUser("pgfacilitator", "pg-facilitator-password", "facilitators");
    for (Course course : Course.values()) {
      qualifications.qualify("pgfacilitator", course);
    }
    Http http = new Http("http://localhost:" + port);
    try {
      new PdJourney(http, processEngine, new DistrictJourney(http, processEngine, sender,
          "pgmanager:pg-manager-password"), "pgpdmanager:pg-pd-manager-password").run();
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The whole lifecycle, closed with "renew", and the next school year up to its PD (issue 17, part 4).
   * Last of the class: it leaves the next year's teachers waiting for a seat in CA, and a workshop
   * another test schedules there would seat them before its own teachers.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aDistrictGoesThroughTheWholeLifecycleAndRenewsOnPostgresql() {
    ensureUser("pgmanager", "pg-manager-password", "partnership-managers");
    ensureUser("pgpdmanager", "pg-pd-manager-password", "pd-managers");
    ensureUser("pgevaluator", "pg-evaluator-password", "evaluators");
    ensureUser("pgfacilitator", "pg-facilitator-password", "facilitators");
    for (Course course : Course.values()) {
      qualifications.qualify("pgfacilitator", course);
    }
    Http http = new Http("http://localhost:" + port);
    try {
      DistrictJourney district = new DistrictJourney(http, processEngine, sender, "pgmanager:pg-manager-password");
      LifecycleJourney.Staff staff = new LifecycleJourney.Staff("pgmanager:pg-manager-password",
          "pgpdmanager:pg-pd-manager-password", "pgevaluator:pg-evaluator-password");
      LifecycleJourney.Closed closed = new LifecycleJourney(http, processEngine, district, staff).run();
      new RenewalJourney(http, processEngine, district, renewals, partnerships, staff).run(closed);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aPartnershipPastItsTimeToLiveLeavesNoHistoryOnPostgresql() {
    new HistoryCleanupCheck(processEngine, jdbc).partnershipPastItsTimeToLiveLeavesNoHistory();
  }

  @Test
  void deliveredEmailsArePurgedAfterTheRetentionPeriodOnPostgresql() {
    ensureUser("pgmanager", "pg-manager-password", "partnership-managers");
    new OutboxRetentionCheck(runtimeService, sender, retention, mailOutbox, outbox, mailProperties, transactionManager,
        new Http("http://localhost:" + port), "pgmanager:pg-manager-password").run();
  }

  private void ensureUser(String id, String password, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      user.setEmail(id + "@partnerships.test");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  /** Found by the intake load run: the first applications of a year arriving at once got 500s. */
  @Test
  void theOutboxIgnoresARepeatedEmailInOneStatementOnPostgresql() throws Exception {
    OutboxConflictCheck check = new OutboxConflictCheck(mailOutbox, outbox, transactionManager);
    check.aRepeatLeavesTheFirstRow();
    check.twoTransactionsAtOnceLeaveOneRowAndNoError();
  }

  @Test
  void theFirstApplicationsOfAYearArrivingTogetherAllGetAReference() throws Exception {
    // A year no application of this database has used yet (the suite may run again on the same database).
    int year = jdbc.queryForObject("SELECT GREATEST(COALESCE(MAX(reference_year), 0) + 1, 2031) FROM reference_counter",
        Integer.class);
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(year + "-01-01T08:00:00Z")));
    Http http = new Http("http://localhost:" + port);
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Map<String, Object> application = Http.application();
        application.put("schoolYear", year + "-" + (year + 1));
        answers.add(clients.submit(() -> http.post("/api/applications", null, application, Map.of())));
      }
      java.util.Set<String> references = new java.util.TreeSet<>();
      for (java.util.concurrent.Future<Http.Response> answer : answers) {
        assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        references.add(answer.get().json().get("reference").asText());
      }
      assertThat(references).hasSize(20).allSatisfy(reference -> assertThat(reference).startsWith("DP-" + year + "-"));
      assertThat(references).contains("DP-" + year + "-0001", "DP-" + year + "-0020");
    } finally {
      clients.shutdown();
      ClockUtil.reset();
    }
  }

  @Test
  void runsOnPostgresqlWithTheProjectSchemaFromFlyway() {
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success", Long.class)).isEqualTo(1);
    assertThat(jdbc.queryForList(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", String.class))
        .contains("partnership", "district", "school", "course_section", "teacher", "school_leader", "email_outbox",
            "pd_phase", "workshop", "workshop_seat", "workshop_attendance", "leadership_enrolment",
            "evaluation_course_result", "program_evaluation",
            "act_ru_task", "act_re_procdef");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(LifecycleProcess.PROCESS_KEY)
        .count()).isPositive();
    assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname = 'dpo_idx_task_parent_task'",
        String.class)).as("the engine's task table is indexed by parent task (camunda/camunda#36824)")
        .singleElement().asString().contains("act_ru_task", "parent_task_id_");
    assertThat(jdbc.queryForList("SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext WHERE stxname = ?",
        String.class, "dpo_stat_auth_permission_bits"))
        .as("task queries with authorization need the permission bits' statistics (docs/performance.md)")
        .singleElement().asString().contains("act_ru_authorization", "(perms_ & 2)", "(perms_ & 64)");
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    String settings = "SELECT current_setting('plan_cache_mode') || ' ' || current_setting('random_page_cost')";
    String outside = transaction.execute(status -> jdbc.queryForObject(settings, String.class));
    assertThat(outside).as("other statements keep the server's settings").isEqualTo("auto 4");
    String inTaskQuery = transaction.execute(status -> {
      taskService.createTaskQuery().taskCandidateGroup("partnership-managers").count();
      return jdbc.queryForObject(settings, String.class);
    });
    assertThat(inTaskQuery).as("a task query's transaction plans with its values (TaskQueryPlanning)").isEqualTo("force_custom_plan 1.1");
  }

  @Test
  void productionHasTheAdminFromTheEnvironmentAndNoDemoData() {
    assertThat(identityService.createUserQuery().userId("opsadmin").memberOfGroup("camunda-admin").count())
        .isEqualTo(1);
    assertThat(identityService.checkPassword("opsadmin", "ci-only-secret-4f9a2c")).isTrue();
    List<String> demoIds = DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id).toList();
    assertThat(identityService.createUserQuery().userIdIn(demoIds.toArray(String[]::new)).count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE name = 'Springfield Unified'", Long.class))
        .isZero();
    assertThat(identityService.createGroupQuery().groupId("partnership-managers").count()).isEqualTo(1);
  }

  @Test
  void anApplicationIsRegisteredOnPostgresql() {
    Map<String, Object> application = TestApplications.startForm();
    ProcessInstance first = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);
    application.put("schoolYear", "2028-2029");
    ProcessInstance second = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);

    assertThat(first.getBusinessKey()).matches("DP-\\d{4}-\\d{4}");
    int firstNumber = Integer.parseInt(first.getBusinessKey().substring(8));
    assertThat(second.getBusinessKey()).endsWith(String.format("%04d", firstNumber + 1));
    assertThat(taskService.createTaskQuery().processInstanceId(first.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(LifecycleProcess.TASK_REVIEW_APPLICATION);
    Long partnershipId = partnerships.findByReference(first.getBusinessKey()).orElseThrow().getId();
    assertThat(outbox.findByPartnershipIdOrderByCreatedAtAscIdAsc(partnershipId)).hasSize(1);
  }
}
