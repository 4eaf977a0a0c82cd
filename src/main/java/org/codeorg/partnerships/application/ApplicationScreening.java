package org.codeorg.partnerships.application;

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

  public static final String DECISION_KEY = "application-screening";

  private final DecisionService decisionService;
  private final PartnershipProgress progress;

  public ApplicationScreening(DecisionService decisionService, PartnershipProgress progress) {
    this.decisionService = decisionService;
    this.progress = progress;
  }

  @Transactional
  public ScreeningResult screen(Long partnershipId) {
    Partnership partnership = progress.load(partnershipId);
    DmnDecisionResult findings = decisionService.evaluateDecisionByKey(DECISION_KEY)
        .variables(inputs(partnership)).evaluate();
    ScreeningResult result = ScreeningResult.of(findings.collectEntries("outcome"), findings.collectEntries("reason"));
    partnership.recordScreening(result.outcome());
    progress.record(partnership, "SCREENED", result.outcome());
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
    return Map.of(
        "coursesOffered", sectionsPerCourse.size(),
        "coursesWithoutTeacher", (int) withoutTeacher,
        "maxSectionsPerTeacher", maxSectionsPerTeacher,
        "oneToOneComputing", p.isOneToOneComputing(),
        "bandwidthMbps", p.getBandwidthMbps());
  }

  private static Object offerKey(CourseSection s) {
    return List.of(s.getSchool().getId(), s.getCourse());
  }

  private static Object offerKey(Teacher t) {
    return List.of(t.getSchool().getId(), t.getCourse());
  }
}
