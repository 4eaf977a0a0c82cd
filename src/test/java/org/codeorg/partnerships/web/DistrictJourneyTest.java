package org.codeorg.partnerships.web;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.LifecycleJourney;
import org.codeorg.partnerships.support.PdJourney;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lifecycle over HTTP on H2: to approval, through PD, and whole to closing ({@code PostgresProductionProfileTest} runs them on PostgreSQL). */
class DistrictJourneyTest extends SpringIntegrationTest {

  @Autowired
  OutboxSender sender;

  @Test
  void aDistrictGoesFromApplicationToAnApprovedPlan() {
    new DistrictJourney(new Http(baseUrl()), processEngine, sender, "manager:manager").run();
  }

  @Test
  void aDistrictGoesThroughTheWholeLifecycleToAClosedPartnership() {
    Http http = new Http(baseUrl());
    new LifecycleJourney(http, processEngine, new DistrictJourney(http, processEngine, sender, "manager:manager"),
        new LifecycleJourney.Staff("manager:manager", "pdmanager:pdmanager", "evaluator:evaluator")).run();
  }

  @Test
  void highAndMiddleSchoolTeachersGoThroughEveryPdPhaseToTheirCertificates() {
    Http http = new Http(baseUrl());
    new PdJourney(http, processEngine, new DistrictJourney(http, processEngine, sender, "manager:manager"),
        "pdmanager:pdmanager").run();
  }
}
