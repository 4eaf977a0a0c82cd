package org.codeorg.partnerships.web;

import java.util.Map;

import org.codeorg.partnerships.partnership.DistrictTokenReissue;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partnership manager reissues a district's link; the district gets it by email, never in this answer. */
@RestController
public class DistrictLinkController {

  private final DistrictTokenReissue reissue;

  public DistrictLinkController(DistrictTokenReissue reissue) {
    this.reissue = reissue;
  }

  @PostMapping("/api/partnerships/{reference}/access-token")
  public ResponseEntity<Map<String, Object>> reissue(@PathVariable String reference,
      @AuthenticationPrincipal String staffUser) {
    int generation = reissue.reissue(reference, staffUser);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "NEW_LINK_SENT",
        "generation", generation));
  }
}
