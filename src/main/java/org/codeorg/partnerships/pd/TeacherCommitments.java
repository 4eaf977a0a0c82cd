package org.codeorg.partnerships.pd;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TeacherCommitment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** The district's answer about a teacher's guarantee, through its link ({@code POST .../teachers/{id}/commitment}). */
@Service
@Validated
public class TeacherCommitments {

  private final DistrictAccess access;
  private final LifecycleMessages messages;

  public TeacherCommitments(DistrictAccess access, LifecycleMessages messages) {
    this.access = access;
    this.messages = messages;
  }

  /**
   * Delivers the guarantee to the teacher's PD instance.
   *
   * @return the teacher's name
   * @throws jakarta.validation.ConstraintViolationException no answer given, before the token is looked at (400)
   * @throws DistrictAccessDenied unknown reference, wrong token, or a teacher of another partnership (404)
   * @throws org.codeorg.partnerships.common.NotWaitingException the teacher's guarantee is not expected now (409)
   */
  @ConcurrentSubmission("The teacher's guarantee was received at the same moment")
  @Transactional
  public String answer(String reference, String token, Long teacherId, @Valid CommitmentAnswer commitment) {
    boolean commits = commitment.commits();
    Partnership partnership = access.openForChange(reference, token);
    Teacher teacher = partnership.getTeachers().stream().filter(t -> t.getId().equals(teacherId)).findFirst()
        .orElseThrow(DistrictAccessDenied::new);
    messages.deliver(ProfessionalDevelopmentProcess.MESSAGE_COMMITMENT, reference, teacher.getPdProcessInstanceId(),
        ProfessionalDevelopmentProcess.TEACHER_ID.with(teacherId),
        ProfessionalDevelopmentProcess.TEACHER_COMMITMENT.with(commits ? TeacherCommitment.COMMITS : TeacherCommitment.CANNOT_COMMIT),
        teacher.getName() + "'s guarantee is not expected now");
    return teacher.getName();
  }
}
