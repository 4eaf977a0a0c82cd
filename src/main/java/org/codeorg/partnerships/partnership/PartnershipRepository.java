package org.codeorg.partnerships.partnership;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipRepository extends JpaRepository<Partnership, Long> {

  // Hot lookups are JPQL: Hibernate caches the plan of a query string, while a derived query
  // (built as a criteria query on every call) is planned again each time (docs/performance.md, fix 4).
  @Query("select p from Partnership p where p.reference = :reference")
  Optional<Partnership> findByReference(@Param("reference") String reference);

  /**
   * Like {@link #findByReference}, holding the row's lock until the transaction ends: a concurrent
   * submission to the same partnership waits, then sees what this one did instead of racing the
   * engine through a half-changed execution tree.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Partnership p where p.reference = :reference")
  Optional<Partnership> lockByReference(@Param("reference") String reference);

  /** The partnership for a renewal, locked until the transaction ends: renewals of one year run one after the other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Partnership p where p.id = :id")
  Optional<Partnership> lockById(@Param("id") Long id);

  /** The next school year's partnership that renews {@code previousId}, if any. */
  @Query("select p from Partnership p where p.previousPartnershipId = :previousId")
  Optional<Partnership> findRenewalOf(@Param("previousId") Long previousId);

  Optional<Partnership> findByDistrictNcesIdAndSchoolYear(String ncesId, String schoolYear);

  @EntityGraph(attributePaths = "district")
  List<Partnership> findByStageOrderByReference(PartnershipStage stage);

  @Override
  @EntityGraph(attributePaths = "district")
  List<Partnership> findAll(Sort sort);

  /**
   * The partnership with its district in one statement, or from the transaction's persistence
   * context without one. Nearly every process step that loads a partnership names its district
   * (every email does): loaded lazily, that was a second statement each time (docs/performance.md).
   */
  @Override
  @EntityGraph(attributePaths = "district")
  Optional<Partnership> findById(Long id);
}
