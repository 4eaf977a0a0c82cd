package org.codeorg.partnerships.partnership;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipRepository extends JpaRepository<Partnership, Long> {

  Optional<Partnership> findByReference(String reference);

  Optional<Partnership> findByDistrictNcesIdAndSchoolYear(String ncesId, String schoolYear);
}
