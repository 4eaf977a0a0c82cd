package org.codeorg.partnerships.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.pd.LeadershipPdProcess;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attendance tasks opened before the checklist existed (no options variable, here removed by hand)
 * cannot be completed; {@link AttendanceOptionsBackfill} gives them their options from the people
 * enrolled, once, and they complete through the form variables as Tasklist submits them.
 * Leadership: the real {@code leadership-pd} of a district just approved (its options read, then removed). Session: a one-task model with the
 * workshop's attendance step, its form and its complete listener, on a workshop row with two seats
 * (a real pd-workshop reaches attendance only after a whole PD journey).
 */
class AttendanceOptionsBackfillTest extends SpringIntegrationTest {

  private static final String PD_MANAGER = "pdmanager:pdmanager";

  @Autowired
  AttendanceOptionsBackfill backfill;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ManagementService managementService;
  @Autowired
  PdPhaseRepository phases;
  @Autowired
  WorkshopRepository workshops;
  @Autowired
  WorkshopSeatRepository seats;
  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  OutboxSender sender;

  private Deployment deployment;
  private static String reference;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /** A district approved, both its teachers guaranteed: PD ledgers exist and leadership-pd waits for attendance. */
  private String approvedWithLedgers() {
    if (reference != null) {
      return reference;
    }
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    DistrictJourney.Approved approved = district.run(PdJourney.application());
    JsonNode detail = http.get("/api/partnerships/" + approved.reference(), PD_MANAGER).json();
    for (JsonNode teacher : detail.get("professionalDevelopment")) {
      Http.Response committed = http.post("/api/partnerships/" + approved.reference() + "/teachers/"
          + teacher.get("teacherId").asLong() + "/commitment", null, Map.of("commits", true),
          Map.of("X-Partnership-Token", approved.token()));
      assertThat(committed.status()).as(committed.body()).isEqualTo(202);
    }
    district.runJobs(approved.reference());
    reference = approved.reference();
    return reference;
  }

  @Test
  void aLeadershipTaskWithoutOptionsGetsThemAndCompletes() {
    String partnership = approvedWithLedgers();
    Http http = new Http(baseUrl());
    PdJourney pd = new PdJourney(http, processEngine, null, PD_MANAGER);
    String taskId = new DistrictJourney(http, processEngine, sender, "manager:manager")
        .openTask(partnership, LeadershipPdProcess.TASK_RECORD_LEADERSHIP_ATTENDANCE, PD_MANAGER).get("id").asText();
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    JsonNode enrolled = pd.checklistOptions(taskId, "leaderOptions", PD_MANAGER);
    List<String> values = new ArrayList<>();
    enrolled.forEach(o -> values.add(o.get("value").asText()));
    // As an instance enrolled before the checklist: no leaderOptions, and the task cannot be completed.
    runtimeService.removeVariable(task.getProcessInstanceId(), LeadershipPdProcess.LEADER_OPTIONS.name());
    assertThat(pd.submitChecklistAnswer(taskId, "presentLeaders", values, PD_MANAGER).status()).isEqualTo(400);

    assertThat(backfill.backfillLeadership()).isEqualTo(1);
    assertThat(backfill.backfillLeadership()).as("idempotent").isZero();

    assertThat(pd.checklistOptions(taskId, "leaderOptions", PD_MANAGER)).isEqualTo(enrolled);
    pd.submitChecklist(taskId, "presentLeaders", values, PD_MANAGER);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void aSessionTaskWithoutOptionsGetsTheEnrolledTeachersAndCompletes() {
    approvedWithLedgers();
    List<PdPhase> twoTeachers = phases.findAll().stream()
        .filter(distinctTeacher()).limit(2).toList();
    assertThat(twoTeachers).as("sample partnerships with PD ledgers").hasSize(2);
    Instant now = Instant.now();
    Workshop workshop = workshops.save(new Workshop("WS-BACKFILL-" + (now.toEpochMilli() % 100000), Course.CSP, 2,
        "Backfill workshop", "CA", "Room 1", 10, ZoneId.of("America/Los_Angeles"), "pdmanager",
        List.of(new SessionTimes(now.minusSeconds(7200), now.minusSeconds(3600))), now));
    int position = 1;
    for (PdPhase phase : twoTeachers) {
      seats.save(new WorkshopSeat(workshop.getId(), phase.getId(), phase.getTeacherId(), phase.getPartnershipId(),
          SeatStatus.ENROLLED, position++, now));
    }
    deployment = repositoryService.createDeployment().addModelInstance("session-backfill-test.bpmn",
        Bpmn.createExecutableProcess("session-backfill-test").camundaHistoryTimeToLive(1).startEvent()
            .userTask(WorkshopProcess.TASK_RECORD_ATTENDANCE).camundaCandidateGroups("pd-managers")
            .camundaFormRef("Form_RecordSessionAttendance").camundaFormRefBinding("latest")
            .camundaTaskListenerDelegateExpression("complete", "${recordSessionAttendance}")
            .endEvent().done()).deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("session-backfill-test", Map.of(
        WorkshopProcess.WORKSHOP_ID.name(), workshop.getId(), WorkshopProcess.SESSION_NUMBER.name(), 1,
        "workshopTitle", "Backfill workshop"));
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    PdJourney pd = new PdJourney(new Http(baseUrl()), processEngine, null, PD_MANAGER);
    String first = String.valueOf(twoTeachers.get(0).getTeacherId());
    assertThat(pd.submitChecklistAnswer(task.getId(), "presentTeachers", List.of(first), PD_MANAGER).status())
        .isEqualTo(400);

    assertThat(backfill.backfillSessions("session-backfill-test")).isEqualTo(1);
    assertThat(backfill.backfillSessions("session-backfill-test")).as("idempotent").isZero();
    assertThat(taskService.getVariableLocal(task.getId(), WorkshopProcess.ATTENDANCE_OPTIONS.name())).isNotNull();
    // The card's "First session", in the workshop's zone (not UTC), also missing on a task this old.
    assertThat(taskService.getVariableLocal(task.getId(), WorkshopProcess.FIRST_SESSION_LOCAL.name())).isNull();
    assertThat(backfill.backfillFirstSessionLocal("session-backfill-test")).isEqualTo(1);
    assertThat(backfill.backfillFirstSessionLocal("session-backfill-test")).as("idempotent").isZero();
    assertThat((String) taskService.getVariableLocal(task.getId(), WorkshopProcess.FIRST_SESSION_LOCAL.name()))
        .isEqualTo(WorkshopTimeZones.moment(now.minusSeconds(7200), ZoneId.of("America/Los_Angeles")))
        .matches(".* P[DS]T");

    JsonNode options = pd.checklistOptions(task.getId(), "attendanceOptions", PD_MANAGER);
    List<String> values = new ArrayList<>();
    options.forEach(o -> values.add(o.get("value").asText()));
    assertThat(values).containsExactly(first, String.valueOf(twoTeachers.get(1).getTeacherId()));
    pd.submitChecklist(task.getId(), "presentTeachers", List.of(first), PD_MANAGER);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workshop_attendance WHERE workshop_id = ? AND present = TRUE",
        Long.class, workshop.getId())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workshop_attendance WHERE workshop_id = ? AND present = FALSE",
        Long.class, workshop.getId())).isEqualTo(1);
  }

  private static java.util.function.Predicate<PdPhase> distinctTeacher() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    return phase -> seen.add(phase.getTeacherId());
  }
}
