package org.codeorg.partnerships.application;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

  Optional<InformationRequest> findFirstByPartnershipIdAndAnsweredAtIsNullOrderByAskedAtDesc(Long partnershipId);
}
