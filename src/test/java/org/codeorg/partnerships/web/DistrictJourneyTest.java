package org.codeorg.partnerships.web;

import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.LifecycleJourney;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.RenewalJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lifecycle over HTTP on H2: to approval, through PD, and whole to closing and renewal ({@code PostgresProductionProfileTest} runs them on PostgreSQL). */
class DistrictJourneyTest extends SpringIntegrationTest {

  @Autowired
  OutboxSender sender;
  @Autowired
  PartnershipRenewals renewals;
  @Autowired
  PartnershipRepository partnerships;

  @Test
  void aDistrictGoesFromApplicationToAnApprovedPlan() {
    new DistrictJourney(new Http(baseUrl()), processEngine, sender, "manager:manager").run();
  }

  /** Issue 17, part 4: closed with "renew", the next school year starts, is confirmed by the district, and its PD starts. */
  @Test
  void aDistrictGoesThroughTheWholeLifecycleAndRenewsForTheNextSchoolYear() {
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    LifecycleJourney.Staff staff = new LifecycleJourney.Staff("manager:manager", "pdmanager:pdmanager", "evaluator:evaluator");
    LifecycleJourney.Closed closed = new LifecycleJourney(http, processEngine, district, staff).run();
    new RenewalJourney(http, processEngine, district, renewals, partnerships, staff).run(closed);
  }

  @Test
  void highAndMiddleSchoolTeachersGoThroughEveryPdPhaseToTheirCertificates() {
    Http http = new Http(baseUrl());
    new PdJourney(http, processEngine, new DistrictJourney(http, processEngine, sender, "manager:manager"),
        "pdmanager:pdmanager").run();
  }
}
