package org.codeorg.partnerships.pd;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadershipEnrolmentRepository extends JpaRepository<LeadershipEnrolment, Long> {

  Optional<LeadershipEnrolment> findByLeaderId(Long leaderId);

  List<LeadershipEnrolment> findByPartnershipId(Long partnershipId);
}
