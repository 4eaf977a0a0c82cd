package org.codeorg.partnerships.reporting;

import java.util.List;

import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff-facing views (DESIGN 5); HTTP Basic against Camunda identity (rules in {@code web.ApiSecurity}). */
@RestController
@RequestMapping("/api/partnerships")
public class StaffApiController {

  private final PartnershipViews views;

  public StaffApiController(PartnershipViews views) {
    this.views = views;
  }

  @GetMapping
  public List<PartnershipViews.Summary> list(@RequestParam(required = false) PartnershipStage stage) {
    return views.list(stage);
  }

  @GetMapping("/{reference}")
  public PartnershipViews.Detail detail(@PathVariable String reference) {
    return views.detail(reference);
  }

  @GetMapping("/{reference}/emails")
  public List<PartnershipViews.Email> emails(@PathVariable String reference) {
    return views.emails(reference);
  }

  /** Sends a FAILED email again (after an SMTP outage) and resolves its incident. */
  @PostMapping("/{reference}/emails/{emailId}/retry")
  public ResponseEntity<PartnershipViews.Email> retry(@PathVariable String reference, @PathVariable Long emailId) {
    return ResponseEntity.accepted().body(views.retry(reference, emailId));
  }
}
