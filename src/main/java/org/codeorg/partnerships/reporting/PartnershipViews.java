package org.codeorg.partnerships.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.codeorg.partnerships.evaluation.CourseResult;
import org.codeorg.partnerships.evaluation.EvaluationCourseResultRepository;
import org.codeorg.partnerships.evaluation.EvaluationSteps;
import org.codeorg.partnerships.evaluation.ProgramEvaluationRepository;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.OutboxEmail;
import org.codeorg.partnerships.mail.OutboxRetries;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.PartnershipYears;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.codeorg.partnerships.pd.LeadershipEnrolment;
import org.codeorg.partnerships.pd.LeadershipEnrolmentRepository;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff see of partnerships: lists by stage, one partnership's timeline and open tasks, its emails. */
@Service
@Transactional(readOnly = true)
public class PartnershipViews {

  private final PartnershipRepository partnerships;
  private final PartnershipEventRepository events;
  private final MailOutbox outbox;
  private final TaskService taskService;
  private final PdPhaseRepository phases;
  private final LeadershipEnrolmentRepository leadership;
  private final ProgramEvaluationRepository evaluations;
  private final EvaluationCourseResultRepository courseResults;
  private final EvaluationSteps evaluationSteps;
  private final OutboxRetries retries;
  private final PartnershipYears years;

  public PartnershipViews(PartnershipRepository partnerships, PartnershipEventRepository events, MailOutbox outbox,
      TaskService taskService, PdPhaseRepository phases, LeadershipEnrolmentRepository leadership,
      ProgramEvaluationRepository evaluations, EvaluationCourseResultRepository courseResults,
      EvaluationSteps evaluationSteps, OutboxRetries retries, PartnershipYears years) {
    this.years = years;
    this.retries = retries;
    this.evaluations = evaluations;
    this.courseResults = courseResults;
    this.evaluationSteps = evaluationSteps;
    this.phases = phases;
    this.leadership = leadership;
    this.partnerships = partnerships;
    this.events = events;
    this.outbox = outbox;
    this.taskService = taskService;
  }

  public record Summary(String reference, String district, String schoolYear, String stage, Instant updatedAt) {
  }

  public record TimelineEntry(String event, Instant at, String detail) {
  }

  public record OpenTask(String id, String name, String taskDefinitionKey, Instant created, Instant due) {
  }

  public record Detail(String reference, String district, String ncesId, String state, String schoolYear,
      String stage, String stageLabel, String contactName, String contactEmail, String screeningResult,
      Instant createdAt, List<TimelineEntry> timeline, List<OpenTask> openTasks,
      List<TeacherPd> professionalDevelopment, List<LeaderPd> leadershipPd, List<SectionSetup> sections,
      Evaluation evaluation, boolean renewalRequested, String previousReference, String nextReference,
      List<Year> years) {
  }

  /** One school year of the district's partnership, linked by renewals, with its own timeline. */
  public record Year(String reference, String schoolYear, String stage, List<TimelineEntry> timeline) {
  }

  /** A section's set-up: the facts reported and the classroom-readiness result. */
  public record SectionSetup(Long sectionId, String section, String course, String school, String readiness,
      String reasons, Instant reportedAt, Instant readyAt) {
  }

  public record Evaluation(int teachersEnrolled, int teachersCompleted, int teachersRetained, int totalPdHours,
      List<EvaluationSteps.TeacherSummary> teachers, List<CourseResult> courses, String pdAssessment,
      String studentOutcomes, String conclusions, String recommendation, String evaluator, Instant assessedAt) {
  }

  /** A teacher's hours ledger: planned and earned hours per phase. */
  public record TeacherPd(Long teacherId, String name, String course, String school, String status,
      int plannedHours, int hoursEarned, String certificateNumber, List<PhaseHours> phases) {
  }

  /** {@code completedOn}: the day completed as reported (null while not completed). */
  public record PhaseHours(int phase, String name, String delivery, int plannedHours, int hoursEarned, String status,
      LocalDate startsOn, LocalDate dueOn, int makeUps, LocalDate completedOn) {
  }

  public record LeaderPd(String name, String role, String school, String status, int hours) {
  }

  /** One outbox row; {@code purgedAt} is when its body and attachment were cleared (null while kept). */
  public record Email(Long id, String milestone, String recipient, String subject, String status, int attempts,
      Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError, Instant purgedAt) {

    static Email of(OutboxEmail e) {
      return new Email(e.getId(), e.getMilestone().name(), e.getRecipient(), e.getSubject(), e.getStatus().name(),
          e.getAttempts(), e.getCreatedAt(), e.getSentAt(), e.getNextAttemptAt(), e.getLastError(), e.getPurgedAt());
    }
  }

  /** Every partnership, or those at {@code stage} (null: all), newest change first. */
  public List<Summary> list(PartnershipStage stage) {
    List<Partnership> found = stage == null
        ? partnerships.findAll(Sort.by("reference"))
        : partnerships.findByStageOrderByReference(stage);
    return found.stream().map(p -> new Summary(p.getReference(), p.getDistrict().getName(), p.getSchoolYear(),
        p.getStage().name(), p.getUpdatedAt())).toList();
  }

  /**
   * Stage, screening, timeline, open tasks, PD, set-up and evaluation of one partnership.
   *
   * @throws UnknownPartnershipException no partnership has the reference (404)
   */
  public Detail detail(String reference) {
    Partnership p = find(reference);
    List<TimelineEntry> timeline = events.findByPartnershipIdOrderByOccurredAtAscIdAsc(p.getId()).stream()
        .map(e -> new TimelineEntry(e.getEvent(), e.getOccurredAt(), e.getDetail())).toList();
    List<OpenTask> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .orderByTaskCreateTime().asc().list().stream()
        .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime().toInstant(),
            t.getDueDate() == null ? null : t.getDueDate().toInstant()))
        .toList();
    return new Detail(p.getReference(), p.getDistrict().getName(), p.getDistrict().getNcesId(),
        p.getDistrict().getState(), p.getSchoolYear(), p.getStage().name(), p.getStage().label(), p.getContactName(),
        p.getContactEmail(), p.getScreeningResult(), p.getCreatedAt(), timeline, tasks, teacherPd(p), leaderPd(p),
        p.getSections().stream().map(s -> new SectionSetup(s.getId(), s.label(), s.getCourse().name(),
            s.getSchool().getName(), s.getReadiness().name(), s.getReadinessReasons(), s.getReportedAt(),
            s.getReadyAt())).toList(),
        evaluation(p), p.isRenewalRequested(), this.years.previous(p).map(Partnership::getReference).orElse(null),
        this.years.next(p).map(Partnership::getReference).orElse(null),
        this.years.of(p).stream().map(y -> new Year(y.getReference(), y.getSchoolYear(), y.getStage().name(),
            timeline(y))).toList());
  }

  private List<TimelineEntry> timeline(Partnership p) {
    return events.findByPartnershipIdOrderByOccurredAtAscIdAsc(p.getId()).stream()
        .map(e -> new TimelineEntry(e.getEvent(), e.getOccurredAt(), e.getDetail())).toList();
  }

  private Evaluation evaluation(Partnership p) {
    return evaluations.findByPartnershipId(p.getId()).map(e -> new Evaluation(e.getTeachersEnrolled(),
        e.getTeachersCompleted(), e.getTeachersRetained(), e.getTotalPdHours(), evaluationSteps.teacherSummaries(p),
        courseResults.findByPartnershipIdOrderByCourse(p.getId()).stream().map(r -> r.result()).toList(),
        e.getPdAssessment(), e.getStudentOutcomes(), e.getConclusions(), e.getRecommendation(), e.getEvaluator(),
        e.getAssessedAt())).orElse(null);
  }

  private List<TeacherPd> teacherPd(Partnership p) {
    Map<Long, List<PdPhase>> ledger = phases.findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(p.getId()).stream()
        .collect(Collectors.groupingBy(PdPhase::getTeacherId));
    return p.getTeachers().stream().map(t -> {
      List<PdPhase> rows = ledger.getOrDefault(t.getId(), List.of());
      return new TeacherPd(t.getId(), t.getName(), t.getCourse().name(), t.getSchool().getName(),
          t.getPdStatus().name(), rows.stream().mapToInt(PdPhase::getPlannedHours).sum(),
          rows.stream().mapToInt(PdPhase::getHoursEarned).sum(), t.getCertificateNumber(),
          rows.stream().map(r -> new PhaseHours(r.getPhaseNumber(), r.getName(), r.getDelivery().name(),
              r.getPlannedHours(), r.getHoursEarned(), r.getStatus().name(), r.getStartsOn(), r.getDueOn(),
              r.getMakeUps(), r.getCompletedOn())).toList());
    }).toList();
  }

  private List<LeaderPd> leaderPd(Partnership p) {
    Map<Long, LeadershipEnrolment> enrolments = leadership.findByPartnershipId(p.getId()).stream()
        .collect(Collectors.toMap(LeadershipEnrolment::getLeaderId, e -> e));
    return p.getLeaders().stream().map(l -> {
      LeadershipEnrolment e = enrolments.get(l.getId());
      return new LeaderPd(l.getName(), l.getRole().name(), l.getSchool().getName(),
          e == null ? "NOT_ENROLLED" : e.getStatus(), e == null ? 0 : e.getHours());
    }).toList();
  }

  /**
   * Every email of the partnership, oldest first, with status, attempts and last error.
   *
   * @throws UnknownPartnershipException no partnership has the reference (404)
   */
  public List<Email> emails(String reference) {
    return outbox.emailsOf(find(reference).getId()).stream().map(Email::of).toList();
  }

  /**
   * Puts a FAILED email back in the queue with fresh attempts and resolves its incident.
   *
   * @throws UnknownPartnershipException no partnership has the reference (404)
   * @throws org.codeorg.partnerships.mail.OutboxRetries.UnknownEmailException no such email in it (404)
   * @throws org.codeorg.partnerships.common.NotWaitingException the email is not FAILED (409)
   */
  @Transactional
  public Email retry(String reference, Long emailId) {
    return Email.of(retries.retry(find(reference).getId(), emailId));
  }

  private Partnership find(String reference) {
    return partnerships.findByReference(reference).orElseThrow(() -> new UnknownPartnershipException(reference));
  }
}
