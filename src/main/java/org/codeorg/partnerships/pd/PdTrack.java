package org.codeorg.partnerships.pd;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.springframework.stereotype.Component;

/**
 * Evaluates the {@code pd-track} decision ({@link PdTrackDecision}): the phases of a course's PD calendar, in order.
 *
 * <p>The table is the program's calendar, not a judgement about a partnership: its answer for a
 * course and path is kept per deployed version of the decision, so a teacher's enrolment does
 * not evaluate the table's FEEL cells and write its decision history again (docs/performance.md, fix 3: decision
 * output rows per benchmarked partnership fell from 85 to under 25). A new deployment of the
 * table is a new version and is evaluated afresh.
 */
@Component
public class PdTrack {

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final Map<String, List<PlannedPhase>> byVersionCourseAndPath = new ConcurrentHashMap<>();

  public PdTrack(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /**
   * @param path who trains elementary teachers; ignored for other courses
   * @return the phases in order of their number, never empty
   * @throws IllegalStateException when the decision is not deployed or has no row for the course
   *     and path (a modelling error: an incident in the calling process; staff endpoints answer 500)
   */
  public List<PlannedPhase> phases(Course course, ElementaryPdPath path) {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(PdTrackDecision.DECISION_KEY)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("The " + PdTrackDecision.DECISION_KEY + " decision is not deployed");
    }
    return byVersionCourseAndPath.computeIfAbsent(latest.getId() + "/" + course + "/" + path,
        key -> evaluate(latest.getId(), course, path));
  }

  private List<PlannedPhase> evaluate(String decisionDefinitionId, Course course, ElementaryPdPath path) {
    Map<String, Object> input = new HashMap<>();
    PdTrackDecision.COURSE.putIn(input, course);
    PdTrackDecision.ELEMENTARY_PATH.putIn(input, path);
    List<PlannedPhase> phases = decisions.evaluateDecisionTableById(decisionDefinitionId, input).getResultList().stream()
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
    return new PlannedPhase(PdTrackDecision.PHASE_NUMBER.from(row), PdTrackDecision.PHASE_NAME.from(row),
        PdTrackDecision.DELIVERY.from(row), PdTrackDecision.DELIVERED_BY.from(row), PdTrackDecision.HOURS.from(row),
        PdTrackDecision.START_OFFSET_MONTHS.from(row), PdTrackDecision.DURATION_MONTHS.from(row));
  }
}
