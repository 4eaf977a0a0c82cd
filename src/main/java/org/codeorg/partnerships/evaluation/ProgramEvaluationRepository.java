package org.codeorg.partnerships.evaluation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgramEvaluationRepository extends JpaRepository<ProgramEvaluation, Long> {

  Optional<ProgramEvaluation> findByPartnershipId(Long partnershipId);
}
