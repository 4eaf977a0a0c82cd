package org.codeorg.partnerships.web;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lifecycle's first span over HTTP on H2 ({@code PostgresProductionProfileTest} runs it on PostgreSQL). */
class DistrictJourneyTest extends SpringIntegrationTest {

  @Autowired
  OutboxSender sender;

  @Test
  void aDistrictGoesFromApplicationToAnApprovedPlan() {
    new DistrictJourney(new Http(baseUrl()), processEngine, sender, "manager:manager").run();
  }
}
