package org.codeorg.partnerships.evaluation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvaluationCourseResultRepository extends JpaRepository<EvaluationCourseResult, Long> {

  List<EvaluationCourseResult> findByPartnershipIdOrderByCourse(Long partnershipId);
}
