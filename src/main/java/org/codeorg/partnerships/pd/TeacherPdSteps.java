package org.codeorg.partnerships.pd;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's professional development (process {@code professional-development}): the district's
 * guarantee, enrolment in the course's PD track, each phase in order with its hours in the
 * ledger, make-ups, withdrawal and the certificate.
 */
@Service
@Transactional
public class TeacherPdSteps {

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final TeacherRepository teachers;
  private final PdPhaseRepository phases;
  private final PdTrack track;
  private final PdProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PdCertificates certificates;

  public TeacherPdSteps(PartnershipProgress progress, PartnershipEmails emails, TeacherRepository teachers,
      PdPhaseRepository phases, PdTrack track, PdProperties properties, ApplicationEventPublisher events, Clock clock,
      PdCertificates certificates) {
    this.progress = progress;
    this.emails = emails;
    this.teachers = teachers;
    this.phases = phases;
    this.track = track;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.certificates = certificates;
  }

  /** A workshop phase is open: a scheduled workshop with a free seat may take the teacher at once. */
  public record PhaseAwaitingWorkshop(Long phaseId) {
  }

  /** What the commitment tasks show: who, which course and school, and by when. */
  public record CommitmentRequest(Date deadline, String teacherName, String teacherSummary) {
  }

  public record OpenedPhase(int number, String name, PdDelivery delivery, Date dueAt) {
  }

  /** Asks the district to guarantee that the teacher teaches the course next school year; returns the deadline. */
  public CommitmentRequest requestCommitment(Long teacherId, String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    Partnership p = teacher.getPartnership();
    teacher.attachPdProcess(processInstanceId);
    teacher.awaitCommitment();
    LocalDate deadline = today().plusDays(properties.commitmentDays());
    progress.record(p, "TEACHER_COMMITMENT_REQUESTED", teacher.getName() + " (" + teacher.getCourse() + ")");
    emails.toDistrict(p, Milestone.PD_COMMITMENT_REQUESTED, processInstanceId,
        "teacher-" + teacherId + "-" + teacher.getEmail(), Map.of(
            "teacherName", teacher.getName(),
            "courseTitle", teacher.getCourse().title(),
            "schoolName", teacher.getSchool().getName(),
            "commitmentDeadline", Dates.LONG.format(deadline)));
    return new CommitmentRequest(Dates.endOf(deadline), teacher.getName(), teacher.getName() + " <" + teacher.getEmail()
        + ">, " + teacher.getCourse().title() + " at " + teacher.getSchool().getName() + ", " + p.getDistrict().getName());
  }

  public void recordCommitment(Long teacherId) {
    Teacher teacher = teacher(teacherId);
    teacher.commit(clock.instant());
    progress.record(teacher.getPartnership(), "TEACHER_COMMITTED", teacher.getName() + " (" + teacher.getCourse() + ")");
  }

  public void replaceTeacher(Long teacherId, String name, String email) {
    Teacher teacher = teacher(teacherId);
    String previous = teacher.getName();
    teacher.replaceWith(name.trim(), email.trim());
    progress.record(teacher.getPartnership(), "TEACHER_REPLACED", previous + " replaced by " + teacher.getName());
  }

  public void withdraw(Long teacherId, String processInstanceId, String reason) {
    Teacher teacher = teacher(teacherId);
    teacher.withdrawFromPd();
    phases.findByTeacherIdOrderByPhaseNumber(teacherId).forEach(PdPhase::withdraw);
    String why = reason == null || reason.isBlank() ? "Decided by the PD manager." : reason;
    progress.record(teacher.getPartnership(), "TEACHER_WITHDRAWN_FROM_PD", teacher.getName() + ": " + why);
    emails.toDistrict(teacher.getPartnership(), Milestone.PD_TEACHER_WITHDRAWN, processInstanceId,
        "teacher-" + teacherId + "-" + teacher.getEmail(), Map.of(
            "teacherName", teacher.getName(),
            "courseTitle", teacher.getCourse().title(),
            "reason", why));
  }

  /** Writes the teacher's ledger from the pd-track decision and emails the calendar; returns the number of phases. */
  public int enrol(Long teacherId, String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    Partnership p = teacher.getPartnership();
    List<PdPhase> ledger = phases.findByTeacherIdOrderByPhaseNumber(teacherId);
    if (ledger.isEmpty()) {
      LocalDate yearStart = SchoolYears.start(p.getSchoolYear());
      LocalDate earliestDue = today().plusDays(properties.minimumPhaseDays());
      ledger = track.phases(teacher.getCourse(), p.getElementaryPdPath()).stream().map(plan -> {
        LocalDate starts = yearStart.plusMonths(plan.startOffsetMonths());
        LocalDate due = starts.plusMonths(plan.durationMonths());
        return new PdPhase(p.getId(), teacherId, teacher.getCourse(), plan, starts,
            due.isBefore(earliestDue) ? earliestDue : due);
      }).toList();
      phases.saveAll(ledger);
    }
    int totalHours = ledger.stream().mapToInt(PdPhase::getPlannedHours).sum();
    progress.record(p, "TEACHER_ENROLLED_IN_PD", teacher.getName() + ": " + ledger.size() + " phases, " + totalHours + " hours");
    emails.toPerson(p, teacher.getEmail(), Milestone.TEACHER_PD_ENROLLED, processInstanceId, null, Map.of(
        "teacherName", teacher.getName(),
        "courseTitle", teacher.getCourse().title(),
        "totalHours", totalHours,
        "phases", ledger.stream().map(phase -> Map.<String, Object>of(
            "number", phase.getPhaseNumber(),
            "name", phase.getName(),
            "deliveryLabel", phase.getDelivery().label(),
            "hours", phase.getPlannedHours(),
            "startsOn", Dates.LONG.format(phase.getStartsOn()),
            "dueOn", Dates.LONG.format(phase.getDueOn()))).toList()), null);
    return ledger.size();
  }

  public void grantOnlineAccess(Long teacherId, String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    emails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_ONLINE_ACCESS, processInstanceId, null,
        Map.of("teacherName", teacher.getName(), "courseTitle", teacher.getCourse().title(),
            "onlinePdUrl", properties.onlineEnvironmentUrl()), null);
  }

  /** Opens the phase after {@code previous}; a workshop phase asks for a seat. */
  public OpenedPhase openNextPhase(Long teacherId, int previous) {
    PdPhase phase = phase(teacherId, previous + 1);
    phase.open();
    offerSeatIfWorkshop(phase);
    return new OpenedPhase(phase.getPhaseNumber(), phase.getName(), phase.getDelivery(), Dates.endOf(phase.getDueOn()));
  }

  /**
   * Writes the phase's hours to the ledger and emails the teacher.
   *
   * @param completedOn the day reported (online completions); null: today (UTC)
   *
   * @return whether the ledger has a phase after this one (what {@code Gateway_MorePhases} reads)
   * @throws IllegalStateException when the teacher or the phase does not exist (an incident; not reached over HTTP)
   */
  public boolean recordCompleted(Long teacherId, int phaseNumber, int hours, java.time.LocalDate completedOn,
      String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    PdPhase phase = phase(teacherId, phaseNumber);
    phase.complete(hours, clock.instant(), completedOn);
    List<PdPhase> ledger = phases.findByTeacherIdOrderByPhaseNumber(teacherId);
    int earned = ledger.stream().mapToInt(PdPhase::getHoursEarned).sum();
    String next = ledger.stream().filter(p -> p.getPhaseNumber() == phaseNumber + 1).map(PdPhase::getName)
        .findFirst().orElse(null);
    progress.record(teacher.getPartnership(), "PD_PHASE_COMPLETED",
        teacher.getName() + ": phase " + phaseNumber + " (" + phase.getName() + "), " + hours + " hours");
    Map<String, Object> model = new HashMap<>(Map.of(
        "teacherName", teacher.getName(),
        "phaseName", phase.getName(),
        "hoursEarned", hours,
        "totalHours", earned));
    if (next != null) {
      model.put("nextPhaseName", next);
    }
    emails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_PHASE_COMPLETED, processInstanceId,
        "phase-" + phaseNumber, model, null);
    return next != null;
  }

  public void recordMissed(Long teacherId, int phaseNumber) {
    Teacher teacher = teacher(teacherId);
    PdPhase phase = phase(teacherId, phaseNumber);
    phase.miss();
    progress.record(teacher.getPartnership(), "PD_PHASE_MISSED",
        teacher.getName() + ": phase " + phaseNumber + " (" + phase.getName() + ")");
  }

  /** Reopens a missed phase with a new deadline; returns it. */
  public Date scheduleMakeUp(Long teacherId, int phaseNumber, String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    PdPhase phase = phase(teacherId, phaseNumber);
    LocalDate due = today().plusDays(properties.makeUpDays());
    phase.makeUpBy(due);
    progress.record(teacher.getPartnership(), "PD_MAKE_UP_SCHEDULED",
        teacher.getName() + ": phase " + phaseNumber + " by " + due);
    emails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_MAKE_UP_SCHEDULED, processInstanceId,
        "phase-" + phaseNumber + "-make-up-" + phase.getMakeUps(), Map.of(
            "teacherName", teacher.getName(),
            "phaseName", phase.getName(),
            "newDueDate", Dates.LONG.format(due)), null);
    offerSeatIfWorkshop(phase);
    return Dates.endOf(due);
  }

  /** The certificate states the hours earned; they count toward the district's annual PD-hour requirement. */
  public int issueCertificate(Long teacherId, String processInstanceId) {
    Teacher teacher = teacher(teacherId);
    Partnership p = teacher.getPartnership();
    List<PdPhase> ledger = phases.findByTeacherIdOrderByPhaseNumber(teacherId);
    int total = ledger.stream().mapToInt(PdPhase::getHoursEarned).sum();
    String certificate = "PD-" + p.getReference().substring(3) + "-" + teacherId;
    teacher.completePd(certificate, PdCertificates.newVerificationCode(), total, clock.instant());
    progress.record(p, "PD_CERTIFICATE_ISSUED", teacher.getName() + ": " + total + " hours, " + certificate);
    emails.toPersonWithAttachment(p, teacher.getEmail(), Milestone.PD_CERTIFICATE, processInstanceId, null, Map.of(
        "teacherName", teacher.getName(),
        "courseTitle", teacher.getCourse().title(),
        "totalHours", total,
        "completedOn", Dates.LONG.format(today()),
        "certificateNumber", certificate,
        "verificationLink", emails.publicLink("/certificates/" + teacher.getCertificateCode()),
        "phases", ledger.stream().map(phase -> Map.<String, Object>of(
            "number", phase.getPhaseNumber(), "name", phase.getName(), "hours", phase.getHoursEarned())).toList()),
        new EmailRequest.Attachment("pd-certificate-" + certificate + ".pdf", "application/pdf", certificates.pdf(teacher)));
    return total;
  }

  private void offerSeatIfWorkshop(PdPhase phase) {
    if (phase.getDelivery().isWorkshop()) {
      events.publishEvent(new PhaseAwaitingWorkshop(phase.getId()));
    }
  }

  private Teacher teacher(Long teacherId) {
    return teachers.findById(teacherId).orElseThrow(() -> new IllegalStateException("No teacher with id " + teacherId));
  }

  private PdPhase phase(Long teacherId, int number) {
    return phases.findByTeacherIdAndPhaseNumber(teacherId, number).orElseThrow(
        () -> new IllegalStateException("Teacher " + teacherId + " has no PD phase " + number));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

}
