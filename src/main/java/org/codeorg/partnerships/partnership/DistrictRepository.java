package org.codeorg.partnerships.partnership;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DistrictRepository extends JpaRepository<District, Long> {

  Optional<District> findByNcesId(String ncesId);
}
