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

  /**
   * The workshop a {@code pd-workshop} instance names.
   *
   * @throws IllegalStateException when it does not exist (an incident: the instance outlived its row)
   */
  default Workshop require(Long id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("No workshop with id " + id));
  }
}
