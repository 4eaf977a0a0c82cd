package org.codeorg.partnerships.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.TeacherPdStatus;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program evaluation (process {@code program-evaluation}) and closing: the district's data, the
 * PD summary from the hours ledger, the evaluator's assessment, the report, close or renew.
 */
@Service
@Transactional
public class EvaluationSteps {

  static final int DATA_DAYS = 30;

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final EvaluationCourseResultRepository results;
  private final ProgramEvaluationRepository evaluations;
  private final PdPhaseRepository phases;
  private final Clock clock;

  public EvaluationSteps(PartnershipProgress progress, PartnershipEmails emails,
      EvaluationCourseResultRepository results, ProgramEvaluationRepository evaluations, PdPhaseRepository phases,
      Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.results = results;
    this.evaluations = evaluations;
    this.phases = phases;
    this.clock = clock;
  }

  /** One teacher's line of the PD summary. */
  public record TeacherSummary(String teacher, String course, int hours, boolean completed, boolean retained) {
  }

  public PartnershipStage start(Long partnershipId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.EVALUATION, "EVALUATION_STARTED", null);
    return p.getStage();
  }

  /** Emails the data request; returns when the data is due. */
  public Date requestData(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    LocalDate due = today().plusDays(DATA_DAYS);
    emails.toDistrict(p, Milestone.EVALUATION_DATA_REQUEST, processInstanceId, null, Map.of("dueDate", Dates.LONG.format(due)));
    progress.record(p, "EVALUATION_DATA_REQUESTED", "due " + due);
    return Dates.endOf(due);
  }

  public void remindData(Long partnershipId, String processInstanceId, Date dueAt) {
    LocalDate due = Dates.dayOf(dueAt);
    emails.toDistrict(progress.load(partnershipId), Milestone.EVALUATION_DATA_REMINDER, processInstanceId, null,
        Map.of("dueDate", Dates.LONG.format(due)));
  }

  /** Stores (or replaces) the district's results per course. */
  public void recordData(Long partnershipId, List<CourseResult> courseResults) {
    Partnership p = progress.load(partnershipId);
    Map<org.codeorg.partnerships.partnership.Course, EvaluationCourseResult> existing = results
        .findByPartnershipIdOrderByCourse(partnershipId).stream()
        .collect(Collectors.toMap(EvaluationCourseResult::getCourse, r -> r));
    for (CourseResult result : courseResults) {
      EvaluationCourseResult row = existing.get(result.course());
      if (row == null) {
        results.save(new EvaluationCourseResult(partnershipId, result, clock.instant()));
      } else {
        row.update(result, clock.instant());
      }
    }
    progress.record(p, "EVALUATION_DATA_RECEIVED", courseResults.size() + " courses");
  }

  /** Computes hours, completion and retention per teacher from the ledger; returns the evaluator's summary text. */
  public String summarizePd(Long partnershipId) {
    Partnership p = progress.load(partnershipId);
    List<TeacherSummary> teachers = teacherSummaries(p);
    int enrolled = (int) p.getTeachers().stream().filter(t -> t.getCommittedAt() != null).count();
    int completed = (int) teachers.stream().filter(TeacherSummary::completed).count();
    int retained = (int) teachers.stream().filter(TeacherSummary::retained).count();
    int hours = teachers.stream().mapToInt(TeacherSummary::hours).sum();
    ProgramEvaluation evaluation = evaluations.findByPartnershipId(partnershipId).orElse(null);
    if (evaluation == null) {
      evaluation = new ProgramEvaluation(partnershipId);
      evaluation.summarize(enrolled, completed, retained, hours, clock.instant());
      evaluations.save(evaluation);
    } else {
      evaluation.summarize(enrolled, completed, retained, hours, clock.instant());
    }
    progress.record(p, "PD_SUMMARIZED", completed + " of " + enrolled + " teachers completed PD, " + hours + " hours");
    String teacherLines = teachers.stream().map(t -> "- " + t.teacher() + " (" + t.course() + "): " + t.hours()
        + " hours, " + (t.completed() ? "completed" : "not completed") + ", " + (t.retained() ? "retained" : "left"))
        .collect(Collectors.joining("\n"));
    String courseLines = results.findByPartnershipIdOrderByCourse(partnershipId).stream().map(r -> r.result())
        .map(r -> "- " + r.course() + ": " + r.sectionsTaught() + " sections, " + r.studentsEnrolled() + " enrolled, "
            + r.studentsCompleted() + " completed (" + rate(r) + ")")
        .collect(Collectors.joining("\n"));
    return "**Teacher PD** (" + completed + " of " + enrolled + " completed, " + retained + " retained, " + hours
        + " hours)\n\n" + teacherLines + "\n\n**Student outcomes reported by the district**\n\n" + courseLines;
  }

  public void recordAssessment(Long partnershipId, String pdAssessment, String studentOutcomes, String conclusions,
      String recommendation, String evaluator) {
    ProgramEvaluation evaluation = evaluations.findByPartnershipId(partnershipId).orElseThrow();
    evaluation.assess(pdAssessment, studentOutcomes, conclusions, recommendation, evaluator, clock.instant());
  }

  /** Emails the report to the district; staff read it in the partnership's detail. */
  public void sendReport(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    ProgramEvaluation evaluation = evaluations.findByPartnershipId(partnershipId).orElseThrow();
    emails.toDistrict(p, Milestone.EVALUATION_REPORT, processInstanceId, null, Map.of(
        "pdSummary", teacherSummaries(p).stream().map(t -> Map.<String, Object>of("teacher", t.teacher(),
            "course", t.course(), "hours", t.hours(), "completed", t.completed() ? "yes" : "no",
            "retained", t.retained() ? "yes" : "no")).toList(),
        "courseResults", results.findByPartnershipIdOrderByCourse(partnershipId).stream().map(r -> r.result())
            .map(r -> Map.<String, Object>of("course", r.course().title(), "sections", r.sectionsTaught(),
                "enrolled", r.studentsEnrolled(), "completed", r.studentsCompleted(), "completionRate", rate(r)))
            .toList(),
        "pdAssessment", evaluation.getPdAssessment(),
        "studentOutcomes", evaluation.getStudentOutcomes(),
        "conclusions", evaluation.getConclusions(),
        "evaluatedOn", Dates.LONG.format(today())));
    progress.record(p, "EVALUATION_REPORT_SENT", "Recommendation: " + evaluation.getRecommendation());
  }

  /** Closes the partnership (its district link stops working), noting a renewal when the manager asks for one. */
  public PartnershipStage close(Long partnershipId, boolean renew, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    emails.toDistrict(p, Milestone.PARTNERSHIP_CLOSED, processInstanceId, null, Map.of("renewal", renew));
    p.close(renew, clock.instant());
    progress.record(p, "PARTNERSHIP_CLOSED", renew ? "Marked for renewal" : null);
    return p.getStage();
  }

  public List<TeacherSummary> teacherSummaries(Partnership p) {
    Map<Long, Integer> hours = phases.findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(p.getId()).stream()
        .collect(Collectors.groupingBy(PdPhase::getTeacherId, Collectors.summingInt(PdPhase::getHoursEarned)));
    return p.getTeachers().stream().filter(t -> t.getCommittedAt() != null).map(t -> new TeacherSummary(t.getName(),
        t.getCourse().name(), hours.getOrDefault(t.getId(), 0), t.getPdStatus() == TeacherPdStatus.COMPLETED,
        t.getPdStatus() != TeacherPdStatus.WITHDRAWN)).toList();
  }

  static String rate(CourseResult r) {
    return r.studentsEnrolled() == 0 ? "n/a" : Math.round(100.0 * r.studentsCompleted() / r.studentsEnrolled()) + "%";
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
