package org.codeorg.partnerships.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code bpmn/application-screening.dmn} against the partnership terms, one row per case. */
class ApplicationScreeningDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream file = ApplicationScreeningDecisionTest.class.getResourceAsStream("/bpmn/application-screening.dmn")) {
      decision = dmn.parseDecision(ApplicationScreeningDecision.DECISION_KEY, file);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "meets every term              | 1 | 0 | 2.0 | true  | 25  | ELIGIBLE     | 0 | ''",
      "exactly 10 Mb/s is enough     | 1 | 0 | 1.0 | true  | 10  | ELIGIBLE     | 0 | ''",
      "no 1:1 computing              | 1 | 0 | 2.0 | false | 25  | NEEDS_REVIEW | 1 | one-to-one computing",
      "bandwidth below 10 Mb/s       | 1 | 0 | 2.0 | true  | 9   | NEEDS_REVIEW | 1 | 10 Mb/s",
      "five sections per teacher     | 1 | 0 | 5.0 | true  | 25  | NEEDS_REVIEW | 1 | four sections per teacher",
      "no partnership course         | 0 | 0 | 0.0 | true  | 25  | INELIGIBLE   | 1 | none of the partnership courses",
      "a course without teacher      | 2 | 1 | 2.0 | true  | 25  | INELIGIBLE   | 1 | no teacher",
      "several findings, worst wins  | 1 | 1 | 6.0 | false | 5   | INELIGIBLE   | 4 | no teacher",
  })
  void screensAnApplication(String description, int coursesOffered, int coursesWithoutTeacher,
      double maxSectionsPerTeacher, boolean oneToOne, int bandwidth, String expectedOutcome, int expectedFindings,
      String reasonFragment) {
    DmnDecisionResult findings = dmn.evaluateDecision(decision, Map.of(
        "coursesOffered", coursesOffered, "coursesWithoutTeacher", coursesWithoutTeacher,
        "maxSectionsPerTeacher", maxSectionsPerTeacher, "oneToOneComputing", oneToOne, "bandwidthMbps", bandwidth));
    List<String> outcomes = findings.collectEntries("outcome");
    List<String> reasons = findings.collectEntries("reason");

    ScreeningResult result = ScreeningResult.of(outcomes, reasons);

    assertThat(result.outcome().name()).isEqualTo(expectedOutcome);
    assertThat(result.reasons()).hasSize(expectedFindings);
    assertThat(result.reasonsText()).contains(reasonFragment);
  }
}
