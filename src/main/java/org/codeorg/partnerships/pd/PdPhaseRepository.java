package org.codeorg.partnerships.pd;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Course;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PdPhaseRepository extends JpaRepository<PdPhase, Long> {

  // Hot lookups are JPQL: Hibernate caches the plan of a query string, while a derived query
  // (built as a criteria query on every call) is planned again each time (docs/performance.md, fix 4).
  @Query("select p from PdPhase p where p.teacherId = :teacherId order by p.phaseNumber")
  List<PdPhase> findByTeacherIdOrderByPhaseNumber(@Param("teacherId") Long teacherId);

  @Query("select p from PdPhase p where p.teacherId = :teacherId and p.phaseNumber = :phaseNumber")
  Optional<PdPhase> findByTeacherIdAndPhaseNumber(@Param("teacherId") Long teacherId,
      @Param("phaseNumber") int phaseNumber);

  List<PdPhase> findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(Long partnershipId);

  /** Teachers waiting for a workshop seat in a course and phase, oldest ledger rows first. */
  List<PdPhase> findByCourseAndPhaseNumberAndStatusInOrderByIdAsc(Course course, int phaseNumber,
      Collection<PdPhaseStatus> statuses);
}
