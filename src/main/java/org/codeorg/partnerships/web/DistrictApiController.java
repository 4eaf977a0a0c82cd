package org.codeorg.partnerships.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.application.ApplicationIntake;
import org.codeorg.partnerships.application.PartnershipApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * District-facing endpoints (DESIGN 5): no login; every request after the application carries
 * the partnership's token in {@code X-Partnership-Token} or the {@code token} query parameter.
 */
@RestController
@RequestMapping("/api")
public class DistrictApiController {

  private final ApplicationIntake intake;
  private final DistrictSubmissions submissions;

  public DistrictApiController(ApplicationIntake intake, DistrictSubmissions submissions) {
    this.intake = intake;
    this.submissions = submissions;
  }

  @PostMapping("/applications")
  public ResponseEntity<ApplicationIntake.Accepted> apply(@RequestBody PartnershipApplication application) {
    ApplicationIntake.Accepted accepted = intake.apply(application);
    return ResponseEntity.created(URI.create("/api/partnerships/" + accepted.reference())).body(accepted);
  }

  public record InformationAnswer(String answer) {
  }

  @PostMapping("/partnerships/{reference}/information")
  public ResponseEntity<Map<String, String>> answerInformation(@PathVariable String reference,
      @RequestBody InformationAnswer body, @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    submissions.answer(reference, token(header, query), body == null ? null : body.answer());
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "INFORMATION_RECEIVED"));
  }

  public record PlanBody(String vision, String implementation, String promotion, String communitySupport) {
  }

  @PostMapping("/partnerships/{reference}/plan")
  public ResponseEntity<Map<String, Object>> submitPlan(@PathVariable String reference, @RequestBody PlanBody body,
      @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    int round = submissions.submitPlan(reference, token(header, query), body == null ? new PlanBody(null, null, null, null) : body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "PLAN_SUBMITTED", "round", round));
  }

  public record CommitmentBody(Boolean commits) {
  }

  /** The district's guarantee that a teacher teaches the course next school year (or that they cannot). */
  @PostMapping("/partnerships/{reference}/teachers/{teacherId}/commitment")
  public ResponseEntity<Map<String, Object>> teacherCommitment(@PathVariable String reference,
      @PathVariable Long teacherId, @RequestBody CommitmentBody body,
      @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    Boolean commits = body == null ? null : body.commits();
    String teacher = submissions.commit(reference, token(header, query), teacherId, commits);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "teacherId", teacherId, "teacher", teacher,
        "status", commits ? "COMMITTED" : "CANNOT_COMMIT"));
  }

  public record ReadinessBody(String timeSlot, String room, String courseCode, Boolean oneToOneComputing,
      Integer bandwidthMbps, Boolean materialsReady, BigDecimal materialsCostPerClass) {
  }

  /** A section's set-up facts; the classroom-readiness decision judges them. */
  @PostMapping("/partnerships/{reference}/sections/{sectionId}/readiness")
  public ResponseEntity<Map<String, Object>> sectionReadiness(@PathVariable String reference,
      @PathVariable Long sectionId, @RequestBody ReadinessBody body,
      @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    String section = submissions.reportReadiness(reference, token(header, query), sectionId, body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "sectionId", sectionId, "section", section,
        "status", "REPORTED"));
  }

  public record CourseResultBody(String course, Integer sectionsTaught, Integer studentsEnrolled,
      Integer studentsCompleted) {
  }

  public record EvaluationDataBody(List<CourseResultBody> courses) {
  }

  /** The district's results of the school year for the program evaluation. */
  @PostMapping("/partnerships/{reference}/evaluation-data")
  public ResponseEntity<Map<String, Object>> evaluationData(@PathVariable String reference,
      @RequestBody EvaluationDataBody body, @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    int courses = submissions.submitEvaluation(reference, token(header, query), body == null ? null : body.courses());
    return ResponseEntity.accepted().body(Map.of("reference", reference, "courses", courses,
        "status", "EVALUATION_DATA_RECEIVED"));
  }

  private static String token(String header, String query) {
    return header != null && !header.isBlank() ? header.trim() : query;
  }


}
