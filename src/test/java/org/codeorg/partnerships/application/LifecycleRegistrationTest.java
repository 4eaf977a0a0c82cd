package org.codeorg.partnerships.application;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxEmail;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxStatus;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The first lifecycle slice end to end with the real delegate, JPA tables and outbox. */
class LifecycleRegistrationTest extends SpringIntegrationTest {

  private static final Pattern TOKEN_LINK = Pattern.compile("/district/partnerships/(DP-\\d{4}-\\d{4})\\?token=([A-Za-z0-9_-]{43})");

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  OutboxEmailRepository outbox;
  @Autowired
  DistrictAccessTokens tokens;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void anApplicationIsRegisteredAnnouncedAndWaitsForReview() {
    Map<String, Object> application = TestApplications.startForm();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);

    String reference = instance.getBusinessKey();
    assertThat(reference).matches("DP-\\d{4}-\\d{4}");
    assertThat(instance).isWaitingAtExactly(LifecycleProcess.TASK_REVIEW_APPLICATION)
        .variables()
        .containsEntry(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, reference)
        .containsEntry(LifecycleProcess.VAR_PARTNERSHIP_STAGE, "APPLICATION_REVIEW")
        .containsEntry(LifecycleProcess.VAR_DISTRICT_NAME, application.get("districtName"))
        .containsEntry("coursesSummary", "CSP at " + application.get("schoolName") + ": 2 sections")
        .doesNotContainKeys("contactEmail", "teacherEmail", "districtNcesId");
    assertThat(task()).hasCandidateGroup("partnership-managers");

    Partnership partnership = inTransaction(() -> {
      Partnership p = partnerships.findByReference(reference).orElseThrow();
      assertThat(p.getStage()).isEqualTo(PartnershipStage.APPLICATION_REVIEW);
      assertThat(p.getProcessInstanceId()).isEqualTo(instance.getId());
      assertThat(p.getDistrict().getNcesId()).isEqualTo(application.get("districtNcesId"));
      assertThat(p.getSchools()).singleElement().satisfies(s -> assertThat(s.getLevel()).isEqualTo(SchoolLevel.HIGH));
      assertThat(p.getSections()).hasSize(2).allSatisfy(s -> assertThat(s.getCourse()).isEqualTo(Course.CSP));
      assertThat(p.getTeachers()).singleElement().satisfies(t -> assertThat(t.getEmail()).isEqualTo(application.get("teacherEmail")));
      return p;
    });

    List<OutboxEmail> emails = outbox.findByPartnershipIdOrderByCreatedAtAscIdAsc(partnership.getId());
    assertThat(emails).singleElement().satisfies(email -> {
      assertThat(email.getMilestone()).isEqualTo(Milestone.APPLICATION_RECEIVED);
      assertThat(email.getRecipient()).isEqualTo(application.get("contactEmail"));
      assertThat(email.getStatus()).isEqualTo(OutboxStatus.QUEUED);
      assertThat(email.getSubject()).contains(reference);
      assertThat(email.getBodyText()).contains(reference).contains((String) application.get("districtName"));
      assertThat(email.getBodyHtml()).contains(reference);
    });

    // The district's token travels only in the email; the table keeps its hash.
    Matcher link = TOKEN_LINK.matcher(emails.get(0).getBodyText());
    assertThat(link.find()).as("token link in the email").isTrue();
    assertThat(link.group(1)).isEqualTo(reference);
    String token = link.group(2);
    assertThat(partnership.getAccessTokenHash()).isEqualTo(DistrictAccessTokens.hash(token)).doesNotContain(token);
    assertThat(tokens.matches(token, partnership.getAccessTokenHash())).isTrue();
    assertThat(tokens.matches(token + "x", partnership.getAccessTokenHash())).isFalse();

    complete(task(), withVariables(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));
    assertThat(instance).isWaitingAt("Task_AcceptApplication");
  }

  /**
   * The task's copies of its card variables are kept for Tasklist but leave no history
   * ({@code lifecycle.CardCopiesWithoutHistory}); the instance's own variables and what the form
   * submitted keep theirs, details included.
   */
  @Test
  void aTasksCardCopiesLeaveNoHistoryWhileTheInstanceAndTheFormKeepTheirs() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY,
        TestApplications.startForm());
    org.camunda.bpm.engine.task.Task review = taskService.createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
    assertThat(taskService.getVariablesLocal(review.getId()))
        .containsEntry(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, instance.getBusinessKey())
        .containsEntry(LifecycleProcess.VAR_PARTNERSHIP_STAGE, "APPLICATION_REVIEW");

    taskService.complete(review.getId(), Map.of(LifecycleProcess.VAR_REVIEW_DECISION, "ACCEPT"));

    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(review.getId()).list())
        .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .doesNotContainAnyElementsOf(PartnershipTaskContext.CARD_VARIABLES);
    assertThat(historyService.createHistoricDetailQuery().taskId(review.getId()).variableUpdates().list().stream()
        .map(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName()))
        .doesNotContainAnyElementsOf(PartnershipTaskContext.CARD_VARIABLES);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE).singleResult().getTaskId()).isNull();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list()
        .stream().map(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName()))
        .contains(LifecycleProcess.VAR_REVIEW_DECISION, LifecycleProcess.VAR_PARTNERSHIP_STAGE,
            LifecycleProcess.VAR_PARTNERSHIP_REFERENCE);
  }

  @Test
  void anInvalidApplicationIsRejectedWithEveryBadFieldAndWritesNothing() {
    Map<String, Object> application = TestApplications.startForm();
    application.put("course", "CSF");             // elementary course at a high school
    application.put("contactEmail", "not-an-email");
    application.put("bandwidthMbps", -5L);
    application.put("schoolYear", "2027");
    long partnershipsBefore = partnerships.count();
    long emailsBefore = outbox.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application))
        .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.getViolations())
            .extracting(FieldViolation::field)
            .contains("courses[0].course", "contact.email", "technology.bandwidthMbps", "schoolYear"));

    assertThat(partnerships.count()).isEqualTo(partnershipsBefore);
    assertThat(outbox.count()).isEqualTo(emailsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE nces_id = ?", Long.class,
        application.get("districtNcesId"))).isZero();
  }

  @Test
  void aSecondApplicationOfTheSameDistrictAndYearNamesTheFirst() {
    Map<String, Object> application = TestApplications.startForm();
    String first = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application).getBusinessKey();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application))
        .isInstanceOfSatisfying(DuplicateApplicationException.class,
            e -> assertThat(e.getExistingReference()).isEqualTo(first));

    application.put("schoolYear", "2028-2029");
    String nextYear = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application).getBusinessKey();
    assertThat(nextYear).isNotEqualTo(first);
    assertThat(Integer.parseInt(nextYear.substring(8))).isGreaterThan(Integer.parseInt(first.substring(8)));
  }

  @Test
  void aRolledBackStepLeavesNoPartnershipNoEmailAndNoInstance() {
    Map<String, Object> application = TestApplications.startForm();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, application);
      // Inside the engine's transaction the email is already in the outbox...
      assertThat(countEmailsTo(application.get("contactEmail"))).isEqualTo(1);
      throw new IllegalStateException("a later step of the same transaction fails");
    })).hasMessageContaining("a later step");

    // ...and the rollback takes it away together with the engine's and the domain's rows.
    assertThat(countEmailsTo(application.get("contactEmail"))).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partnership WHERE contact_email = ?", Long.class,
        application.get("contactEmail"))).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  /** Through JPA, so that rows the transaction has not flushed yet are counted too. */
  private long countEmailsTo(Object recipient) {
    return outbox.countByRecipient((String) recipient);
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }
}
