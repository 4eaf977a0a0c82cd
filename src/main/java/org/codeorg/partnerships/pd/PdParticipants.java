package org.codeorg.partnerships.pd;

import java.util.List;

import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.codeorg.partnerships.partnership.Teacher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in PD, read from the partnership when the lifecycle's multi-instance call
 * activities start ({@code ${pdParticipants.secondaryTeachers(partnershipId)}}), so no id list is
 * kept as a serialized process variable.
 */
@Component("pdParticipants")
@Transactional(readOnly = true)
public class PdParticipants {

  private final PartnershipRepository partnerships;

  public PdParticipants(PartnershipRepository partnerships) {
    this.partnerships = partnerships;
  }

  /** High and middle school teachers: their PD starts at once (collection of {@code CallActivity_SecondaryTeacherPd}). */
  public List<Long> secondaryTeachers(Number partnershipId) {
    return teachers(partnershipId).stream().filter(t -> t.getCourse() != Course.CSF).map(Teacher::getId).toList();
  }

  /** Elementary teachers: their PD starts once the affiliate path is settled (collection of {@code CallActivity_ElementaryTeacherPd}). */
  public List<Long> elementaryTeachers(Number partnershipId) {
    return teachers(partnershipId).stream().filter(t -> t.getCourse() == Course.CSF).map(Teacher::getId).toList();
  }

  /**
   * Participating high schools that named a counselor or principal (Counselor/Administrator
   * program; collection of {@code CallActivity_LeadershipPd}).
   */
  public List<Long> leadershipSchools(Number partnershipId) {
    return partnership(partnershipId).getLeaders().stream()
        .filter(l -> l.getSchool().getLevel() == SchoolLevel.HIGH)
        .map(l -> l.getSchool().getId()).distinct().toList();
  }

  private List<Teacher> teachers(Number partnershipId) {
    return partnership(partnershipId).getTeachers();
  }

  private Partnership partnership(Number partnershipId) {
    return partnerships.findById(partnershipId.longValue())
        .orElseThrow(() -> new IllegalStateException("No partnership with id " + partnershipId));
  }
}
