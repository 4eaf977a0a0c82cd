package org.codeorg.partnerships.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.application.ApplicationIntake;
import org.codeorg.partnerships.application.FieldViolation;
import org.codeorg.partnerships.application.InformationAnswers;
import org.codeorg.partnerships.application.PartnershipApplication;
import org.codeorg.partnerships.pd.TeacherCommitments;
import org.codeorg.partnerships.plan.PlanSections;
import org.codeorg.partnerships.plan.PlanSubmissions;
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

  static final int MAX_TEXT = 20_000;

  private final ApplicationIntake intake;
  private final InformationAnswers informationAnswers;
  private final PlanSubmissions planSubmissions;
  private final TeacherCommitments teacherCommitments;

  public DistrictApiController(ApplicationIntake intake, InformationAnswers informationAnswers,
      PlanSubmissions planSubmissions, TeacherCommitments teacherCommitments) {
    this.intake = intake;
    this.informationAnswers = informationAnswers;
    this.planSubmissions = planSubmissions;
    this.teacherCommitments = teacherCommitments;
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
    List<FieldViolation> violations = new ArrayList<>();
    requireText("answer", body == null ? null : body.answer(), violations);
    reject(violations);
    informationAnswers.answer(reference, token(header, query), body.answer().trim());
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "INFORMATION_RECEIVED"));
  }

  public record PlanBody(String vision, String implementation, String promotion, String communitySupport) {
  }

  @PostMapping("/partnerships/{reference}/plan")
  public ResponseEntity<Map<String, Object>> submitPlan(@PathVariable String reference, @RequestBody PlanBody body,
      @RequestHeader(value = "X-Partnership-Token", required = false) String header,
      @RequestParam(value = "token", required = false) String query) {
    List<FieldViolation> violations = new ArrayList<>();
    requireText("vision", body == null ? null : body.vision(), violations);
    requireText("implementation", body == null ? null : body.implementation(), violations);
    requireText("promotion", body == null ? null : body.promotion(), violations);
    requireText("communitySupport", body == null ? null : body.communitySupport(), violations);
    reject(violations);
    int round = planSubmissions.submit(reference, token(header, query), new PlanSections(body.vision().trim(),
        body.implementation().trim(), body.promotion().trim(), body.communitySupport().trim()));
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
    if (body == null || body.commits() == null) {
      reject(List.of(new FieldViolation("commits", "is required: true if the teacher will teach the course next "
          + "school year, false if not")));
    }
    String teacher = teacherCommitments.answer(reference, token(header, query), teacherId, body.commits());
    return ResponseEntity.accepted().body(Map.of("reference", reference, "teacherId", teacherId, "teacher", teacher,
        "status", body.commits() ? "COMMITTED" : "CANNOT_COMMIT"));
  }

  private static String token(String header, String query) {
    return header != null && !header.isBlank() ? header.trim() : query;
  }

  private static void requireText(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "is required"));
    } else if (value.length() > MAX_TEXT) {
      violations.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }

  private static void reject(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
