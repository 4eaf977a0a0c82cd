package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Course;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WorkshopRepository extends JpaRepository<Workshop, Long> {

  Optional<Workshop> findByReference(String reference);

  List<Workshop> findByCourseAndPhaseNumberAndRegionAndStatusOrderByIdAsc(Course course, int phaseNumber,
      String region, WorkshopStatus status);

  /**
   * The workshop with its row locked ({@code SELECT … FOR UPDATE}) until the transaction ends: seats
   * change hands one at a time, so two give-ups or a give-up racing an enrolment cannot double-book.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select w from Workshop w where w.id = :id")
  Optional<Workshop> lockById(@Param("id") Long id);

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
