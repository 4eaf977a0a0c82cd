package org.codeorg.partnerships.pd;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completion of an online phase, as the online PD environment (or a PD manager) reports it. */
@Service
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
   * Completes an open online phase with {@code hours} earned.
   *
   * @return the phase as recorded before the process takes the report
   * @throws UnknownPartnershipException when the partnership, the teacher or the phase does not
   *     exist, or the teacher is not the partnership's (404)
   * @throws NotWaitingException when the phase is a workshop phase, is not open, or its instance is
   *     not waiting for the report (409)
   */
  @Transactional
  public PdPhase reportOnlineCompletion(String reference, Long teacherId, int phaseNumber, int hours) {
    Partnership partnership = partnerships.findByReference(reference)
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
        ProfessionalDevelopmentProcess.PHASE_HOURS.putIn(ProfessionalDevelopmentProcess.PHASE_ATTENDED.with(true), hours),
        "Phase " + phaseNumber + " of this teacher is not waiting for a report");
    return phase;
  }
}
