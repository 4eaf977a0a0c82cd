package org.codeorg.partnerships.classroom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.CourseSectionRepository;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.codeorg.partnerships.partnership.SectionReadiness;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-up of one course section (process {@code classroom-setup}): the checklist with its
 * deadline, the reported facts judged by the classroom-readiness decision, a manager's approval
 * of costly materials, reminders, extension or dropping the section.
 */
@Service
@Transactional
public class ClassroomSetupSteps {

  /** Sections should be ready two weeks before the school year starts; at least two weeks are given. */
  static final int DAYS_BEFORE_SCHOOL = 14;
  static final int MINIMUM_DAYS = 14;
  static final int ESCALATION_DAYS = 7;

  private final CourseSectionRepository sections;
  private final ClassroomReadiness readiness;
  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final Clock clock;

  public ClassroomSetupSteps(CourseSectionRepository sections, ClassroomReadiness readiness,
      PartnershipProgress progress, PartnershipEmails emails, Clock clock) {
    this.sections = sections;
    this.readiness = readiness;
    this.progress = progress;
    this.emails = emails;
    this.clock = clock;
  }

  /** When the facts are due, and when a partnership manager takes over. */
  public record Deadlines(Date readinessDeadline, Date escalationAt, String sectionLabel) {
  }

  public Deadlines sendChecklist(Long sectionId, String processInstanceId) {
    CourseSection section = section(sectionId);
    section.attachSetupProcess(processInstanceId);
    Partnership p = section.getPartnership();
    LocalDate beforeSchool = SchoolYears.start(p.getSchoolYear()).minusDays(DAYS_BEFORE_SCHOOL);
    LocalDate earliest = today().plusDays(MINIMUM_DAYS);
    LocalDate deadline = beforeSchool.isBefore(earliest) ? earliest : beforeSchool;
    emails.toDistrict(p, Milestone.CLASSROOM_SETUP_CHECKLIST, processInstanceId, "section-" + sectionId, Map.of(
        "sectionLabel", section.label(),
        "courseTitle", section.getCourse().title(),
        "deadline", Dates.LONG.format(deadline),
        "materials", section.getCourse().materials(),
        "costNote", section.getCourse().hasMaterialsCostLimit()
            ? "Materials for this course are expected to cost less than $100 per class."
            : "There is no cost limit for this course's materials."));
    progress.record(p, "SETUP_CHECKLIST_SENT", section.label() + ", due " + deadline);
    return deadlines(section, deadline);
  }

  public void recordFacts(Long sectionId, CourseSection.SetupFacts facts) {
    CourseSection section = section(sectionId);
    section.report(facts, clock.instant());
    progress.record(section.getPartnership(), "SETUP_REPORTED", section.label());
  }

  public ReadinessResult assess(Long sectionId) {
    CourseSection section = section(sectionId);
    ReadinessResult result = readiness.judge(section);
    section.judge(result.result(), result.reasonsText(), clock.instant());
    return result;
  }

  public void approveCost(Long sectionId, String manager) {
    CourseSection section = section(sectionId);
    section.approveCost(manager == null ? "partnership manager" : manager);
    progress.record(section.getPartnership(), "MATERIALS_COST_APPROVED", section.label());
  }

  public void confirmReady(Long sectionId) {
    CourseSection section = section(sectionId);
    progress.record(section.getPartnership(), "SECTION_READY", section.label());
  }

  public void askToFix(Long sectionId, String processInstanceId) {
    CourseSection section = section(sectionId);
    emails.toDistrict(section.getPartnership(), Milestone.CLASSROOM_NOT_READY, processInstanceId,
        "section-" + sectionId + "-" + section.getReportedAt().toEpochMilli(), Map.of(
            "sectionLabel", section.label(),
            "reasons", java.util.List.of(section.getReadinessReasons().split("(?<=\\.) "))));
    progress.record(section.getPartnership(), "SECTION_NOT_READY", section.label() + ": " + section.getReadinessReasons());
  }

  public void remindOverdue(Long sectionId, String processInstanceId, Date deadline) {
    CourseSection section = section(sectionId);
    LocalDate due = Dates.dayOf(deadline);
    emails.toDistrict(section.getPartnership(), Milestone.CLASSROOM_SETUP_OVERDUE, processInstanceId,
        "section-" + sectionId + "-" + due, Map.of("sectionLabel", section.label(), "deadline", Dates.LONG.format(due)));
  }

  public Deadlines extend(Long sectionId) {
    CourseSection section = section(sectionId);
    LocalDate deadline = today().plusDays(MINIMUM_DAYS);
    progress.record(section.getPartnership(), "SETUP_DEADLINE_EXTENDED", section.label() + " to " + deadline);
    return deadlines(section, deadline);
  }

  public void drop(Long sectionId, String processInstanceId, String reason) {
    CourseSection section = section(sectionId);
    String why = reason == null || reason.isBlank() ? "The section was not set up in time." : reason.trim();
    section.judge(SectionReadiness.DROPPED, why, clock.instant());
    progress.record(section.getPartnership(), "SECTION_DROPPED", section.label() + ": " + why);
    emails.toDistrict(section.getPartnership(), Milestone.SECTION_DROPPED, processInstanceId, "section-" + sectionId,
        Map.of("sectionLabel", section.label(), "reason", why));
  }

  private Deadlines deadlines(CourseSection section, LocalDate deadline) {
    return new Deadlines(Dates.endOf(deadline), Dates.endOf(deadline.plusDays(ESCALATION_DAYS)), section.label());
  }

  private CourseSection section(Long id) {
    return sections.findById(id).orElseThrow(() -> new IllegalStateException("No section with id " + id));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
