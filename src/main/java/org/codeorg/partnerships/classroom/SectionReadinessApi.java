package org.codeorg.partnerships.classroom;

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

/** The district reports each section's classroom set-up (README, "HTTP API"). */
@RestController
@Tag(name = "District: classroom set-up")
public class SectionReadinessApi {

  private final SectionReadinessReports reports;

  public SectionReadinessApi(SectionReadinessReports reports) {
    this.reports = reports;
  }

  /** See {@link SectionReadinessReports#report} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/sections/{sectionId}/readiness")
  @Operation(summary = "Report a section's set-up facts",
      description = "The classroom-readiness decision judges them; the district is emailed what is missing. "
          + "409 when the section's set-up is not waiting for facts.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Facts stored"))
  public ResponseEntity<Map<String, Object>> sectionReadiness(@PathVariable String reference,
      @PathVariable Long sectionId, @RequestBody SectionFacts body, DistrictToken token) {
    String section = reports.report(reference, token.value(), sectionId, body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "sectionId", sectionId, "section", section,
        "status", "REPORTED"));
  }
}
