package org.codeorg.partnerships.pd;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Course;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PdPhaseRepository extends JpaRepository<PdPhase, Long> {

  List<PdPhase> findByTeacherIdOrderByPhaseNumber(Long teacherId);

  Optional<PdPhase> findByTeacherIdAndPhaseNumber(Long teacherId, int phaseNumber);

  List<PdPhase> findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(Long partnershipId);

  /** Teachers waiting for a workshop seat in a course and phase, oldest ledger rows first. */
  List<PdPhase> findByCourseAndPhaseNumberAndStatusInOrderByIdAsc(Course course, int phaseNumber,
      Collection<PdPhaseStatus> statuses);
}
