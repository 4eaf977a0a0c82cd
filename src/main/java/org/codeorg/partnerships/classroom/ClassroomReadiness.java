package org.codeorg.partnerships.classroom;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.codeorg.partnerships.partnership.CourseSection;
import org.springframework.stereotype.Component;

/** Evaluates the {@code classroom-readiness} decision for a section's reported facts. */
@Component
public class ClassroomReadiness {

  public static final String DECISION_KEY = "classroom-readiness";

  private final DecisionService decisions;

  public ClassroomReadiness(DecisionService decisions) {
    this.decisions = decisions;
  }

  public ReadinessResult judge(CourseSection section) {
    CourseSection.SetupFacts facts = section.facts();
    Map<String, Object> input = new HashMap<>();
    input.put("course", section.getCourse().name());
    input.put("timeSlotAssigned", present(facts.timeSlot()));
    input.put("roomAssigned", present(facts.room()));
    input.put("courseCodeAssigned", present(facts.courseCode()));
    input.put("oneToOneComputing", facts.oneToOneComputing());
    input.put("bandwidthMbps", facts.bandwidthMbps());
    input.put("materialsReady", facts.materialsReady());
    input.put("materialsCostPerClass", (facts.materialsCostPerClass() == null ? BigDecimal.ZERO
        : facts.materialsCostPerClass()).doubleValue());
    input.put("costApproved", section.getCostApprovedBy() != null);
    DmnDecisionTableResult findings = decisions.evaluateDecisionTableByKey(DECISION_KEY, input);
    return ReadinessResult.of(findings.collectEntries("finding"), findings.collectEntries("reason"));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
