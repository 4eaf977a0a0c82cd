package org.codeorg.partnerships.pd;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.codeorg.partnerships.common.ApiSchemes;
import org.codeorg.partnerships.partnership.DistrictToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A teacher's PD: the district's guarantee (district token) and an online phase's completion (PD managers). */
@RestController
@Tag(name = "Teacher PD")
public class TeacherPdApi {

  private final TeacherCommitments commitments;
  private final PdPhaseReports reports;

  public TeacherPdApi(TeacherCommitments commitments, PdPhaseReports reports) {
    this.commitments = commitments;
    this.reports = reports;
  }

  /** See {@link TeacherCommitments#answer} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/teachers/{teacherId}/commitment")
  @Operation(summary = "Guarantee that a teacher teaches the course next school year (or say they cannot)",
      description = "Without the guarantee the teacher's PD does not start. 409 when it is not expected now.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Answer recorded"))
  public ResponseEntity<Map<String, Object>> teacherCommitment(@PathVariable String reference,
      @PathVariable Long teacherId, @RequestBody CommitmentAnswer body, DistrictToken token) {
    String teacher = commitments.answer(reference, token.value(), teacherId, body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "teacherId", teacherId, "teacher", teacher,
        "status", body.commits() ? "COMMITTED" : "CANNOT_COMMIT"));
  }

  /** See {@link PdPhaseReports#reportOnlineCompletion} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/teachers/{teacherId}/pd-phases/{phase}/completion")
  @Operation(summary = "Report a teacher's online PD phase as completed",
      description = "For online phases only (workshop phases are reported by the workshop's attendance). PD managers.",
      security = @SecurityRequirement(name = ApiSchemes.STAFF),
      responses = @ApiResponse(responseCode = "202", description = "Completion recorded"))
  public ResponseEntity<Map<String, Object>> onlineCompletion(@PathVariable String reference,
      @PathVariable Long teacherId, @PathVariable Integer phase, @RequestBody PhaseCompletion body) {
    PdPhase reported = reports.reportOnlineCompletion(reference, teacherId, phase, body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "teacherId", teacherId,
        "phase", reported.getPhaseNumber(), "name", reported.getName(), "hours", body.hours(), "status", "REPORTED"));
  }
}
