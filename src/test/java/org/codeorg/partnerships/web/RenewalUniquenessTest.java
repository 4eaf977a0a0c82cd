package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The uniqueness rules around renewal (issue 17, part 4): a district has one partnership per school
 * year, whether it came from an application or a renewal; renewals of one year never start two
 * next years, even at the same moment. The whole journey is in {@code DistrictJourneyTest}.
 */
class RenewalUniquenessTest extends SpringIntegrationTest {

  @Autowired
  PartnershipRenewals renewals;
  @Autowired
  PartnershipRepository partnerships;

  @Test
  void renewalsOfOneYearAtTheSameMomentStartOneNextYearAndTheDistrictCannotApplyForItAgain() throws Exception {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    String reference = apply(http, application);
    Long id = partnerships.findByReference(reference).orElseThrow().getId();

    List<Optional<String>> answers = atOnce(4, () -> renewals.startNextYear(id));
    answers.add(renewals.startNextYear(id));

    String next = answers.get(0).orElseThrow();
    assertThat(answers).as("every renewal answers the one next year").containsOnly(Optional.of(next));
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(next)
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).count()).isEqualTo(1);
    Partnership renewed = partnerships.findByReference(next).orElseThrow();
    assertThat(renewed.getSchoolYear()).isEqualTo("2028-2029");
    assertThat(renewed.getPreviousPartnershipId()).isEqualTo(id);
    assertThat(renewed.getStage().name()).isEqualTo("RENEWAL_CONFIRMATION");

    // The renewal is the district's partnership for 2028-2029: applying for that year is a duplicate (409).
    application.put("schoolYear", "2028-2029");
    Http.Response duplicate = http.post("/api/applications", null, application, Map.of());
    assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
    assertThat(duplicate.json().get("reference").asText()).isEqualTo(next);
  }

  @Test
  void aDistrictThatAppliedForTheNextYearItselfIsNotRenewedASecondTime() {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    String first = apply(http, application);
    application.put("schoolYear", "2028-2029");
    String applied = apply(http, application);
    Long id = partnerships.findByReference(first).orElseThrow().getId();

    assertThat(renewals.startNextYear(id)).isEmpty();

    assertThat(partnerships.findRenewalOf(id)).isEmpty();
    assertThat(http.get("/api/partnerships/" + first, "manager:manager").json().get("timeline").toString())
        .contains("RENEWAL_NOT_STARTED", applied);
  }

  private static String apply(Http http, Map<String, Object> application) {
    Http.Response applied = http.post("/api/applications", null, application, Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    return applied.json().get("reference").asText();
  }

  private static <T> List<T> atOnce(int copies, java.util.concurrent.Callable<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(copies);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(threads.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }
}
