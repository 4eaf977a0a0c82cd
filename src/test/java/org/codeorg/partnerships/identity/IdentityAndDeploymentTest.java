package org.codeorg.partnerships.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default profile as a newcomer meets it: deployment, identity, filters and sample work. */
class IdentityAndDeploymentTest extends SpringIntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  FilterService filterService;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuthorizationService authorizationService;

  @Test
  void oneDeploymentHoldsEveryModelAndFormOfTheRepository() throws IOException {
    List<String> expected;
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms")))) {
      expected = files.map(f -> f.getParent().getFileName() + "/" + f.getFileName()).toList();
    }
    assertThat(expected).contains("bpmn/partnership-lifecycle.bpmn", "forms/review-application.form");

    Deployment deployment = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0);
    List<String> deployed = repositoryService.getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).toList();
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Every asynchronous step retries 5 times, 5 minutes apart, from one engine setting (no model repeats it). */
  @Test
  void oneRetryCycleServesEveryJob() {
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getFailedJobRetryTimeCycle()).isEqualTo("R5/PT5M");
  }

  @Test
  void everyStaffGroupExistsAndEachDemoUserBelongsToItsGroup() {
    for (String group : List.of("camunda-admin", "partnership-managers", "pd-managers", "facilitators", "evaluators",
        "district-liaisons")) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
    for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
      assertThat(identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count())
          .as(demo.id()).isEqualTo(1);
      assertThat(identityService.checkPassword(demo.id(), demo.id())).as("password of " + demo.id()).isTrue();
    }
  }

  @Test
  void samplePartnershipsShowWorkOfSeveralStagesInTheManagersTasklist() {
    assertThat(jdbc.queryForList("SELECT d.name || ':' || p.stage FROM partnership p JOIN district d ON d.id = p.district_id",
        String.class)).contains("Springfield Unified:APPLICATION_REVIEW", "Lakeview Elementary District:APPLICATION_REVIEW",
        "Hill Valley Unified:AWAITING_INFORMATION", "Riverside County Schools:TERMS_SIGNATURE",
        "Cedar Grove Schools:COMPREHENSIVE_PLAN", "Maple Ridge Unified:IMPLEMENTATION");

    asUser("manager", "partnership-managers");
    assertThat(filterService.count(filter(TasklistFilters.MY_GROUPS_TASKS).getId())).isGreaterThanOrEqualTo(4);
    assertThat(filterService.count(filter(TasklistFilters.STAGE_PREFIX + "Application review").getId()))
        .isGreaterThanOrEqualTo(2);
    assertThat(filterService.count(filter(TasklistFilters.STAGE_PREFIX + "Partnership terms signature").getId()))
        .isGreaterThanOrEqualTo(1);
    assertThat(filterService.count(filter(TasklistFilters.STAGE_PREFIX + "Comprehensive plan").getId()))
        .isGreaterThanOrEqualTo(1);
    assertThat(taskService.createTaskQuery().taskDefinitionKey(LifecycleProcess.TASK_REVIEW_APPLICATION).count())
        .isGreaterThanOrEqualTo(2);

    asUser("liaison", "district-liaisons");
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ConfirmTeacherCommitment").list())
        .as("the Maple Ridge teacher's guarantee").isNotEmpty();
  }

  @Test
  void staffOfOtherGroupsDoNotSeeTheReviewTasks() {
    for (String[] user : new String[][] {{"evaluator", "evaluators"}, {"facilitator", "facilitators"},
        {"liaison", "district-liaisons"}}) {
      asUser(user[0], user[1]);
      assertThat(taskService.createTaskQuery().taskDefinitionKey(LifecycleProcess.TASK_REVIEW_APPLICATION).count())
          .as(user[0]).isZero();
      // Their own group's work only: the liaison sees the sample's guarantee and set-up tasks, nothing of the review.
      assertThat(filterService.<org.camunda.bpm.engine.task.Task>list(filter(TasklistFilters.MY_GROUPS_TASKS).getId()))
          .as(user[0]).allSatisfy(task -> assertThat(task.getTaskDefinitionKey())
              .isIn("Task_ConfirmTeacherCommitment", "Task_RecordSectionReadiness"));
    }
  }

  @Test
  void onlyAdministratorsDeployOrChangeIdentitiesAndAuthorizations() {
    for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
      List<String> groups = List.of(demo.group());
      for (org.camunda.bpm.engine.authorization.Resource resource : List.of(Resources.DEPLOYMENT, Resources.USER, Resources.GROUP, Resources.AUTHORIZATION,
          Resources.GROUP_MEMBERSHIP)) {
        assertThat(authorizationService.isUserAuthorized(demo.id(), groups, Permissions.CREATE, resource))
            .as(demo.id() + " may create " + resource.resourceName()).isFalse();
      }
      assertThat(authorizationService.isUserAuthorized(demo.id(), groups, Permissions.ACCESS, Resources.APPLICATION, "admin"))
          .as(demo.id() + " reaches Admin").isFalse();
    }
    assertThat(authorizationService.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.CREATE,
        Resources.DEPLOYMENT)).isTrue();
  }

  @Test
  void tasklistFiltersCoverMyTasksGroupsOverdueAndEachStage() {
    asUser("manager", "partnership-managers");
    List<String> visible = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(visible).contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.OVERDUE,
        "Stage: Application review", "Stage: Partnership terms signature", "Stage: Comprehensive plan",
        "Stage: Professional development and classroom set-up", "Stage: Program evaluation", "Stage: Renewal review");
  }

  @Test
  void flywayOwnsTheProjectTablesAndHibernateValidatedThem() {
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\" = TRUE", Long.class))
        .isEqualTo(1);
  }

  private void asUser(String userId, String group) {
    identityService.setAuthentication(userId, List.of(group));
  }

  /** Looked up as the current user: every working group may read the shared filters. */
  private Filter filter(String name) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    assertThat(filter).as("filter " + name).isNotNull();
    return filter;
  }

  /**
   * The engine checks no revokes (application.yaml), so none may be created: through the API and
   * through Admin's REST call alike the save is refused (400), and nothing is written.
   */
  @Test
  void revokeAuthorizationsAreRefusedBecauseTheEngineDoesNotCheckThem() {
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) org.camunda.bpm.engine.ProcessEngines
        .getDefaultProcessEngine().getProcessEngineConfiguration()).getAuthorizationCheckRevokes()).isEqualTo("never");
    long before = authorizationService.createAuthorizationQuery().count();
    org.camunda.bpm.engine.authorization.Authorization revoke =
        authorizationService.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("facilitators");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("*");
    revoke.addPermission(Permissions.READ);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class).hasMessageContaining("REVOKE");
    org.codeorg.partnerships.support.Http.Response rest = new org.codeorg.partnerships.support.Http(baseUrl())
        .post("/engine-rest/authorization/create", "admin:admin", java.util.Map.of("type", 2, "permissions",
            List.of("READ"), "groupId", "facilitators", "resourceType", 7, "resourceId", "*"), java.util.Map.of());
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    assertThat(authorizationService.createAuthorizationQuery()
        .authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE).count()).isZero();
  }
}
