package org.codeorg.partnerships.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComprehensivePlanRepository extends JpaRepository<ComprehensivePlan, Long> {

  Optional<ComprehensivePlan> findFirstByPartnershipIdOrderByRoundDesc(Long partnershipId);

  List<ComprehensivePlan> findByPartnershipIdOrderByRoundAsc(Long partnershipId);
}
