package org.codeorg.partnerships.pd;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess.TeacherCommitment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's answer about a teacher's guarantee, through its link ({@code POST .../teachers/{id}/commitment}). */
@Service
public class TeacherCommitments {

  private final DistrictAccess access;
  private final LifecycleMessages messages;

  public TeacherCommitments(DistrictAccess access, LifecycleMessages messages) {
    this.access = access;
    this.messages = messages;
  }

  /**
   * Delivers the answer to the teacher's {@code professional-development} instance.
   *
   * @return the teacher's name
   * @throws DistrictAccessDenied when the token does not open the partnership or the teacher is not
   *     one of its teachers (404, so a guessed id reveals nothing)
   * @throws org.codeorg.partnerships.common.NotWaitingException when the instance is not waiting for
   *     the guarantee (409)
   */
  @Transactional
  public String answer(String reference, String token, Long teacherId, boolean commits) {
    Partnership partnership = access.open(reference, token);
    Teacher teacher = partnership.getTeachers().stream().filter(t -> t.getId().equals(teacherId)).findFirst()
        .orElseThrow(DistrictAccessDenied::new);
    messages.deliver(ProfessionalDevelopmentProcess.MESSAGE_COMMITMENT, reference, teacher.getPdProcessInstanceId(),
        ProfessionalDevelopmentProcess.TEACHER_ID.with(teacherId),
        ProfessionalDevelopmentProcess.TEACHER_COMMITMENT.with(commits ? TeacherCommitment.COMMITS : TeacherCommitment.CANNOT_COMMIT),
        teacher.getName() + "'s guarantee is not expected now");
    return teacher.getName();
  }
}
