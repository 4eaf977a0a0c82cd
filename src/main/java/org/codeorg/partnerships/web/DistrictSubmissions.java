package org.codeorg.partnerships.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.application.InformationAnswers;
import org.codeorg.partnerships.classroom.SectionReadinessReports;
import org.codeorg.partnerships.evaluation.CourseResult;
import org.codeorg.partnerships.evaluation.EvaluationDataText;
import org.codeorg.partnerships.evaluation.EvaluationSubmissions;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.pd.TeacherCommitments;
import org.codeorg.partnerships.plan.PlanSections;
import org.codeorg.partnerships.plan.PlanSubmissions;
import org.springframework.stereotype.Component;

/**
 * What a district submits after its application, checked the same way whether it comes from the
 * JSON API or from the district pages: bad fields are an {@link InvalidRequestException} naming
 * each one (nothing is written), then the feature service does the rest.
 */
@Component
public class DistrictSubmissions {

  static final int MAX_TEXT = 20_000;

  private final InformationAnswers informationAnswers;
  private final PlanSubmissions planSubmissions;
  private final TeacherCommitments teacherCommitments;
  private final SectionReadinessReports readinessReports;
  private final EvaluationSubmissions evaluationSubmissions;

  public DistrictSubmissions(InformationAnswers informationAnswers, PlanSubmissions planSubmissions,
      TeacherCommitments teacherCommitments, SectionReadinessReports readinessReports,
      EvaluationSubmissions evaluationSubmissions) {
    this.informationAnswers = informationAnswers;
    this.planSubmissions = planSubmissions;
    this.teacherCommitments = teacherCommitments;
    this.readinessReports = readinessReports;
    this.evaluationSubmissions = evaluationSubmissions;
  }

  public void answer(String reference, String token, String answer) {
    List<FieldViolation> violations = new ArrayList<>();
    requireText("answer", answer, violations);
    reject(violations);
    informationAnswers.answer(reference, token, answer.trim());
  }

  /** @return the plan's round */
  public int submitPlan(String reference, String token, DistrictApiController.PlanBody plan) {
    List<FieldViolation> violations = new ArrayList<>();
    requireText("vision", plan.vision(), violations);
    requireText("implementation", plan.implementation(), violations);
    requireText("promotion", plan.promotion(), violations);
    requireText("communitySupport", plan.communitySupport(), violations);
    reject(violations);
    return planSubmissions.submit(reference, token, new PlanSections(plan.vision().trim(),
        plan.implementation().trim(), plan.promotion().trim(), plan.communitySupport().trim()));
  }

  /** @return the teacher's name */
  public String commit(String reference, String token, Long teacherId, Boolean commits) {
    if (commits == null) {
      reject(List.of(new FieldViolation("commits", "is required: true if the teacher will teach the course next "
          + "school year, false if not")));
    }
    return teacherCommitments.answer(reference, token, teacherId, commits);
  }

  /** @return the section's label */
  public String reportReadiness(String reference, String token, Long sectionId, DistrictApiController.ReadinessBody body) {
    if (body == null) {
      reject(List.of(new FieldViolation("body", "is required")));
    }
    List<FieldViolation> violations = new ArrayList<>();
    optionalText("timeSlot", body.timeSlot(), 60, violations);
    optionalText("room", body.room(), 60, violations);
    optionalText("courseCode", body.courseCode(), 30, violations);
    if (body.oneToOneComputing() == null) {
      violations.add(new FieldViolation("oneToOneComputing", "is required (true or false)"));
    }
    if (body.materialsReady() == null) {
      violations.add(new FieldViolation("materialsReady", "is required (true or false)"));
    }
    if (body.bandwidthMbps() == null || body.bandwidthMbps() < 0 || body.bandwidthMbps() > 100_000) {
      violations.add(new FieldViolation("bandwidthMbps", "must be between 0 and 100000"));
    }
    BigDecimal cost = body.materialsCostPerClass();
    if (cost == null || cost.signum() < 0 || cost.compareTo(BigDecimal.valueOf(100_000)) > 0 || cost.scale() > 2) {
      violations.add(new FieldViolation("materialsCostPerClass", "must be an amount in dollars between 0 and 100000"));
    }
    reject(violations);
    return readinessReports.report(reference, token, sectionId, new CourseSection.SetupFacts(trimmed(body.timeSlot()),
        trimmed(body.room()), trimmed(body.courseCode()), body.oneToOneComputing(), body.bandwidthMbps(),
        body.materialsReady(), cost));
  }

  /** @return the number of courses stored */
  public int submitEvaluation(String reference, String token, List<DistrictApiController.CourseResultBody> bodies) {
    List<DistrictApiController.CourseResultBody> courses = bodies == null ? List.of() : bodies;
    if (courses.size() > 20) {
      reject(List.of(new FieldViolation("courses", "must list at most 20 courses")));
    }
    List<FieldViolation> violations = new ArrayList<>();
    List<CourseResult> results = new ArrayList<>();
    for (int i = 0; i < courses.size(); i++) {
      DistrictApiController.CourseResultBody c = courses.get(i);
      String at = "courses[" + i + "]";
      Course course = null;
      try {
        course = Course.valueOf(c == null || c.course() == null ? "" : c.course().trim());
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation(at + ".course", "must be one of ECS, CSP, CS_ALGEBRA, CS_SCIENCE, CSF"));
      }
      if (c == null || c.sectionsTaught() == null || c.studentsEnrolled() == null || c.studentsCompleted() == null) {
        violations.add(new FieldViolation(at, "needs sectionsTaught, studentsEnrolled and studentsCompleted"));
      } else if (course != null) {
        results.add(new CourseResult(course, c.sectionsTaught(), c.studentsEnrolled(), c.studentsCompleted()));
      }
    }
    if (violations.isEmpty()) {
      violations.addAll(EvaluationDataText.check(results, "courses"));
    }
    reject(violations);
    evaluationSubmissions.submit(reference, token, results);
    return results.size();
  }

  private static void requireText(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "is required"));
    } else if (value.length() > MAX_TEXT) {
      violations.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }

  private static void optionalText(String field, String value, int max, List<FieldViolation> violations) {
    if (value != null && value.length() > max) {
      violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void reject(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
