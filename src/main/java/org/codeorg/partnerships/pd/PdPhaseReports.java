package org.codeorg.partnerships.pd;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** Completion of an online phase, as the online PD environment (or a PD manager) reports it. */
@Service
@Validated
public class PdPhaseReports {

  private final PartnershipRepository partnerships;
  private final PdPhaseRepository phases;
  private final TeacherRepository teachers;
  private final LifecycleMessages messages;

  public PdPhaseReports(PartnershipRepository partnerships, PdPhaseRepository phases, TeacherRepository teachers,
      LifecycleMessages messages) {
    this.partnerships = partnerships;
    this.phases = phases;
    this.teachers = teachers;
    this.messages = messages;
  }

  /**
   * Reports the teacher's online phase as attended with its hours; the teacher's PD instance goes on.
   *
   * @return the phase reported
   * @throws jakarta.validation.ConstraintViolationException hours missing or outside 1 to 200 (400)
   * @throws UnknownPartnershipException no such partnership, or no such phase of the teacher there (404)
   * @throws NotWaitingException the phase is a workshop, or not open, or not waiting for a report (409)
   */
  @ConcurrentSubmission("The phase's completion was reported at the same moment")
  @Transactional
  public PdPhase reportOnlineCompletion(String reference, Long teacherId, int phaseNumber,
      @Valid PhaseCompletion completion) {
    int hours = completion.hours();
    Partnership partnership = partnerships.lockByReference(reference)
        .orElseThrow(() -> new UnknownPartnershipException(reference));
    PdPhase phase = phases.findByTeacherIdAndPhaseNumber(teacherId, phaseNumber)
        .filter(p -> p.getPartnershipId().equals(partnership.getId()))
        .orElseThrow(() -> new UnknownPartnershipException(reference + " teacher " + teacherId + " phase " + phaseNumber));
    if (phase.getDelivery() != PdDelivery.ONLINE) {
      throw new NotWaitingException("Phase " + phaseNumber + " is a workshop: its attendance comes from the workshop");
    }
    if (phase.getStatus() != PdPhaseStatus.OPEN) {
      throw new NotWaitingException("Phase " + phaseNumber + " is " + phase.getStatus() + ", not open");
    }
    messages.deliver(ProfessionalDevelopmentProcess.MESSAGE_PHASE_REPORTED, reference,
        teachers.findById(teacherId).map(Teacher::getPdProcessInstanceId).orElse(null),
        ProfessionalDevelopmentProcess.PHASE_NUMBER.putIn(ProfessionalDevelopmentProcess.TEACHER_ID.with(teacherId),
            phaseNumber),
        ProfessionalDevelopmentProcess.PHASE_COMPLETED_ON.putIn(ProfessionalDevelopmentProcess.PHASE_HOURS.putIn(
            ProfessionalDevelopmentProcess.PHASE_ATTENDED.with(true), hours), completion.completedOn()),
        "Phase " + phaseNumber + " of this teacher is not waiting for a report");
    return phase;
  }
}
