package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Course;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkshopRepository extends JpaRepository<Workshop, Long> {

  Optional<Workshop> findByReference(String reference);

  List<Workshop> findByCourseAndPhaseNumberAndRegionAndStatusOrderByIdAsc(Course course, int phaseNumber,
      String region, WorkshopStatus status);

  long countByFacilitatorAndStatusNot(String facilitator, WorkshopStatus status);
}
