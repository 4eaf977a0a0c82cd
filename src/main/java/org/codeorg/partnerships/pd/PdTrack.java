package org.codeorg.partnerships.pd;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.springframework.stereotype.Component;

/** Evaluates the {@code pd-track} decision: the phases of a course's PD calendar, in order. */
@Component
public class PdTrack {

  public static final String DECISION_KEY = "pd-track";

  private final DecisionService decisions;

  public PdTrack(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** @param path who trains elementary teachers; ignored for other courses */
  public List<PlannedPhase> phases(Course course, ElementaryPdPath path) {
    Map<String, Object> input = new HashMap<>();
    input.put("course", course.name());
    input.put("elementaryPath", path == null ? null : path.name());
    List<PlannedPhase> phases = decisions.evaluateDecisionTableByKey(DECISION_KEY, input).getResultList().stream()
        .map(PdTrack::phase)
        .sorted(Comparator.comparingInt(PlannedPhase::number))
        .toList();
    if (phases.isEmpty()) {
      throw new IllegalStateException("The pd-track decision has no phases for " + course
          + (course == Course.CSF ? " on path " + path : ""));
    }
    return phases;
  }

  private static PlannedPhase phase(Map<String, Object> row) {
    return new PlannedPhase(number(row, "phaseNumber"), (String) row.get("phaseName"),
        PdDelivery.valueOf((String) row.get("delivery")), (String) row.get("deliveredBy"), number(row, "hours"),
        number(row, "startOffsetMonths"), number(row, "durationMonths"));
  }

  private static int number(Map<String, Object> row, String name) {
    return ((Number) row.get(name)).intValue();
  }
}
