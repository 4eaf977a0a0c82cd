package org.codeorg.partnerships.partnership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipRepository extends JpaRepository<Partnership, Long> {

  Optional<Partnership> findByReference(String reference);

  Optional<Partnership> findByDistrictNcesIdAndSchoolYear(String ncesId, String schoolYear);

  @EntityGraph(attributePaths = "district")
  List<Partnership> findByStageOrderByReference(PartnershipStage stage);

  @Override
  @EntityGraph(attributePaths = "district")
  List<Partnership> findAll(Sort sort);
}
