package org.codeorg.partnerships.reporting;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.codeorg.partnerships.common.ApiSchemes;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of partnerships (README, "HTTP API") and sending a failed email again. */
@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Staff: partnerships")
@SecurityRequirement(name = ApiSchemes.STAFF)
public class PartnershipReportsApi {

  private final PartnershipViews views;

  public PartnershipReportsApi(PartnershipViews views) {
    this.views = views;
  }

  /** An unknown stage is 400 naming {@code stage}. */
  @GetMapping
  @Operation(summary = "List partnerships", description = "Any staff group. Newest first.")
  public List<PartnershipViews.Summary> list(
      @Parameter(description = "only partnerships at this stage") @RequestParam(required = false) PartnershipStage stage) {
    return views.list(stage);
  }

  /** An unknown reference is 404. */
  @GetMapping("/{reference}")
  @Operation(summary = "A partnership in detail",
      description = "Any staff group. Stage, timeline of milestones, open tasks, sections, PD hours per teacher.")
  public PartnershipViews.Detail detail(@PathVariable String reference) {
    return views.detail(reference);
  }

  /** An unknown reference is 404. */
  @GetMapping("/{reference}/emails")
  @Operation(summary = "The partnership's emails", description = "Any staff group. What was sent or is queued, with status.")
  public List<PartnershipViews.Email> emails(@PathVariable String reference) {
    return views.emails(reference);
  }

  /** An unknown partnership or email is 404. */
  @PostMapping("/{reference}/emails/{emailId}/retry")
  @Operation(summary = "Send a failed email again",
      description = "Partnership managers. After an SMTP outage: the email is queued again and its incident resolved.",
      responses = @ApiResponse(responseCode = "202", description = "Queued again"))
  public ResponseEntity<PartnershipViews.Email> retry(@PathVariable String reference, @PathVariable Long emailId) {
    return ResponseEntity.accepted().body(views.retry(reference, emailId));
  }
}
