package org.codeorg.partnerships.classroom;

import static org.codeorg.partnerships.classroom.ClassroomReadinessDecision.*;

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

  private final DecisionService decisions;

  public ClassroomReadiness(DecisionService decisions) {
    this.decisions = decisions;
  }

  public ReadinessResult judge(CourseSection section) {
    CourseSection.SetupFacts facts = section.facts();
    Map<String, Object> input = new HashMap<>();
    COURSE.putIn(input, section.getCourse());
    TIME_SLOT_ASSIGNED.putIn(input, present(facts.timeSlot()));
    ROOM_ASSIGNED.putIn(input, present(facts.room()));
    COURSE_CODE_ASSIGNED.putIn(input, present(facts.courseCode()));
    ONE_TO_ONE_COMPUTING.putIn(input, facts.oneToOneComputing());
    BANDWIDTH_MBPS.putIn(input, facts.bandwidthMbps());
    MATERIALS_READY.putIn(input, facts.materialsReady());
    MATERIALS_COST_PER_CLASS.putIn(input, facts.materialsCostPerClass() == null ? BigDecimal.ZERO
        : facts.materialsCostPerClass());
    COST_APPROVED.putIn(input, section.getCostApprovedBy() != null);
    DmnDecisionTableResult findings = decisions.evaluateDecisionTableByKey(DECISION_KEY, input);
    return ReadinessResult.of(findings.collectEntries(FINDING.name()), findings.collectEntries(REASON.name()));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
