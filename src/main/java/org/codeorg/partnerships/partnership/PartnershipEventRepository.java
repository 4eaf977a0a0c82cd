package org.codeorg.partnerships.partnership;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipEventRepository extends JpaRepository<PartnershipEvent, Long> {

  List<PartnershipEvent> findByPartnershipIdOrderByOccurredAtAscIdAsc(Long partnershipId);
}
