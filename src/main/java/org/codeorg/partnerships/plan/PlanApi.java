package org.codeorg.partnerships.plan;

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

/** The district's comprehensive plan (README, "HTTP API"). */
@RestController
@Tag(name = "District: comprehensive plan")
public class PlanApi {

  private final PlanSubmissions submissions;

  public PlanApi(PlanSubmissions submissions) {
    this.submissions = submissions;
  }

  /** See {@link PlanSubmissions#submit} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/plan")
  @Operation(summary = "Submit the comprehensive plan (or its revision)",
      description = "Each of the four sections is required. A partnership manager reviews the plan; a revision is "
          + "the next round. 409 when no plan is expected now.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Plan stored; the answer names its round"))
  public ResponseEntity<Map<String, Object>> submitPlan(@PathVariable String reference, @RequestBody PlanSections body,
      DistrictToken token) {
    int round = submissions.submit(reference, token.value(), body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "PLAN_SUBMITTED", "round", round));
  }
}
