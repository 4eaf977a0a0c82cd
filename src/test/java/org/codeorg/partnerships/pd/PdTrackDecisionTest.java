package org.codeorg.partnerships.pd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpmn/pd-track.dmn} against the partnership terms: high school four phases over 15 months
 * (about 100 hours), middle school three over 12 months (about 55 hours), elementary one affiliate
 * workshop on either path.
 */
class PdTrackDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream file = PdTrackDecisionTest.class.getResourceAsStream("/bpmn/pd-track.dmn")) {
      decision = dmn.parseDecision(PdTrackDecision.DECISION_KEY, file);
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "ECS        | -                  | 4 | 100 | 15 | ONLINE,IN_PERSON,IN_PERSON,ONLINE",
      "CSP        | -                  | 4 | 100 | 15 | ONLINE,IN_PERSON,IN_PERSON,ONLINE",
      "CS_ALGEBRA | -                  | 3 | 55  | 12 | IN_PERSON,IN_PERSON,ONLINE",
      "CS_SCIENCE | -                  | 3 | 55  | 12 | IN_PERSON,IN_PERSON,ONLINE",
      "CSF        | REGIONAL_AFFILIATE | 1 | 7   | 4  | AFFILIATE",
      "CSF        | DISTRICT_AFFILIATE | 1 | 7   | 4  | AFFILIATE",
  })
  void aCourseHasItsTermsPhases(Course course, ElementaryPdPath path, int phases, int hours, int months,
      String deliveries) {
    Map<String, Object> input = new HashMap<>();
    PdTrackDecision.COURSE.putIn(input, course);
    PdTrackDecision.ELEMENTARY_PATH.putIn(input, path);
    List<Map<String, Object>> rows = dmn.evaluateDecision(decision, input).getResultList();

    assertThat(rows).hasSize(phases);
    assertThat(rows.stream().map(PdTrackDecision.PHASE_NUMBER::from).toList()).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, phases).boxed().toList());
    assertThat(rows.stream().mapToInt(PdTrackDecision.HOURS::from).sum()).isEqualTo(hours);
    int first = PdTrackDecision.START_OFFSET_MONTHS.from(rows.get(0));
    Map<String, Object> last = rows.get(phases - 1);
    int lastEnd = PdTrackDecision.START_OFFSET_MONTHS.from(last) + PdTrackDecision.DURATION_MONTHS.from(last);
    assertThat(lastEnd - first).as("months from the first phase's start to the last one's end").isEqualTo(months);
    assertThat(rows.stream().map(row -> PdTrackDecision.DELIVERY.from(row).name()).toList())
        .containsExactlyElementsOf(List.of(deliveries.split(",")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"REGIONAL_AFFILIATE, regional affiliate", "DISTRICT_AFFILIATE, district's affiliate trainer"})
  void elementaryPathsNameWhoDeliversTheWorkshop(ElementaryPdPath path, String phaseName) {
    Map<String, Object> input = PdTrackDecision.COURSE.with(Course.CSF);
    PdTrackDecision.ELEMENTARY_PATH.putIn(input, path);
    DmnDecisionResult rows = dmn.evaluateDecision(decision, input);
    assertThat(PdTrackDecision.PHASE_NAME.from(rows.getSingleResult().getEntryMap())).contains(phaseName);
  }
}
