package org.codeorg.partnerships.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.Teacher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens an application with the {@code application-screening} decision table. The table lists
 * findings; the most severe one decides the result, so a program manager changes the rules in the
 * DMN without a release.
 */
@Service
public class ApplicationScreening {

  private final DecisionService decisionService;
  private final PartnershipProgress progress;

  public ApplicationScreening(DecisionService decisionService, PartnershipProgress progress) {
    this.decisionService = decisionService;
    this.progress = progress;
  }

  @Transactional
  public ScreeningResult screen(Long partnershipId) {
    Partnership partnership = progress.load(partnershipId);
    DmnDecisionResult findings = decisionService.evaluateDecisionByKey(ApplicationScreeningDecision.DECISION_KEY)
        .variables(inputs(partnership)).evaluate();
    ScreeningResult result = ScreeningResult.of(findings.collectEntries(ApplicationScreeningDecision.OUTCOME.name()),
        findings.collectEntries(ApplicationScreeningDecision.REASON.name()));
    partnership.recordScreening(result.outcome().name());
    progress.record(partnership, "SCREENED", result.outcome().name());
    return result;
  }

  static Map<String, Object> inputs(Partnership p) {
    Map<Object, Long> sectionsPerCourse = p.getSections().stream()
        .collect(Collectors.groupingBy(ApplicationScreening::offerKey, Collectors.counting()));
    Map<Object, Long> teachersPerCourse = p.getTeachers().stream()
        .collect(Collectors.groupingBy(ApplicationScreening::offerKey, Collectors.counting()));
    long withoutTeacher = sectionsPerCourse.keySet().stream().filter(k -> !teachersPerCourse.containsKey(k)).count();
    double maxSectionsPerTeacher = sectionsPerCourse.entrySet().stream()
        .filter(e -> teachersPerCourse.containsKey(e.getKey()))
        .mapToDouble(e -> (double) e.getValue() / teachersPerCourse.get(e.getKey()))
        .max().orElse(0);
    Map<String, Object> inputs = new HashMap<>();
    ApplicationScreeningDecision.COURSES_OFFERED.putIn(inputs, sectionsPerCourse.size());
    ApplicationScreeningDecision.COURSES_WITHOUT_TEACHER.putIn(inputs, (int) withoutTeacher);
    ApplicationScreeningDecision.MAX_SECTIONS_PER_TEACHER.putIn(inputs, maxSectionsPerTeacher);
    ApplicationScreeningDecision.ONE_TO_ONE_COMPUTING.putIn(inputs, p.isOneToOneComputing());
    ApplicationScreeningDecision.BANDWIDTH_MBPS.putIn(inputs, p.getBandwidthMbps());
    return inputs;
  }

  private static Object offerKey(CourseSection s) {
    return List.of(s.getSchool().getId(), s.getCourse());
  }

  private static Object offerKey(Teacher t) {
    return List.of(t.getSchool().getId(), t.getCourse());
  }
}
