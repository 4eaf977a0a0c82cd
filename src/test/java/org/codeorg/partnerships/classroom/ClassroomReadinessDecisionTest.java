package org.codeorg.partnerships.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bpmn/classroom-readiness.dmn} against "Set up classrooms for success", one row per case. */
class ClassroomReadinessDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream file = ClassroomReadinessDecisionTest.class.getResourceAsStream("/bpmn/classroom-readiness.dmn")) {
      decision = dmn.parseDecision(ClassroomReadinessDecision.DECISION_KEY, file);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "everything in place           | ECS | true  | true  | true  | true  | 10 | true  | 99.99  | false | READY          | ''",
      "exactly $100 is fine          | CSP | true  | true  | true  | true  | 25 | true  | 100.00 | false | READY          | ''",
      "no time slot                  | ECS | false | true  | true  | true  | 25 | true  | 50     | false | NOT_READY      | time slot",
      "no room                       | ECS | true  | false | true  | true  | 25 | true  | 50     | false | NOT_READY      | room",
      "no course code                | ECS | true  | true  | false | true  | 25 | true  | 50     | false | NOT_READY      | course code",
      "no 1:1 computing              | CSP | true  | true  | true  | false | 25 | true  | 50     | false | NOT_READY      | one-to-one",
      "9 Mb/s                        | CSP | true  | true  | true  | true  | 9  | true  | 50     | false | NOT_READY      | 10 Mb/s",
      "materials missing             | CSP | true  | true  | true  | true  | 25 | false | 50     | false | NOT_READY      | materials",
      "ECS over $100                 | ECS | true  | true  | true  | true  | 25 | true  | 120    | false | NEEDS_APPROVAL | $100 per class",
      "over $100, approved           | ECS | true  | true  | true  | true  | 25 | true  | 120    | true  | READY          | ''",
      "no cost limit for CSF         | CSF | true  | true  | true  | true  | 25 | true  | 300    | false | READY          | ''",
      "not ready beats approval      | CSP | true  | false | true  | true  | 25 | true  | 300    | false | NOT_READY      | room",
  })
  void judgesASection(String description, String course, boolean timeSlot, boolean room, boolean courseCode,
      boolean oneToOne, int bandwidth, boolean materials, double cost, boolean approved, String expected,
      String reasonFragment) {
    Map<String, Object> input = new HashMap<>();
    input.put("course", course);
    input.put("timeSlotAssigned", timeSlot);
    input.put("roomAssigned", room);
    input.put("courseCodeAssigned", courseCode);
    input.put("oneToOneComputing", oneToOne);
    input.put("bandwidthMbps", bandwidth);
    input.put("materialsReady", materials);
    input.put("materialsCostPerClass", cost);
    input.put("costApproved", approved);
    DmnDecisionResult findings = dmn.evaluateDecision(decision, input);

    ReadinessResult result = ReadinessResult.of(findings.collectEntries("finding"), findings.collectEntries("reason"));

    assertThat(result.result().name()).isEqualTo(expected);
    assertThat(result.reasonsText()).contains(reasonFragment);
  }
}
