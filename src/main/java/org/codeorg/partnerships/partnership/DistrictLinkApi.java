package org.codeorg.partnerships.partnership;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.codeorg.partnerships.common.ApiSchemes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partnership manager reissues a district's link; the district gets it by email, never in this answer. */
@RestController
@Tag(name = "Staff: partnerships")
public class DistrictLinkApi {

  private final DistrictTokenReissue reissue;

  public DistrictLinkApi(DistrictTokenReissue reissue) {
    this.reissue = reissue;
  }

  /** See {@link DistrictTokenReissue#reissue}; an unknown reference is 404. */
  @PostMapping("/api/partnerships/{reference}/access-token")
  @Operation(summary = "Reissue a district's link",
      description = "Partnership managers. The previous link stops working; the new one goes to the district by email.",
      security = @SecurityRequirement(name = ApiSchemes.STAFF),
      responses = @ApiResponse(responseCode = "202", description = "New link sent; the answer names its generation"))
  public ResponseEntity<Map<String, Object>> reissue(@PathVariable String reference,
      @Parameter(hidden = true) @AuthenticationPrincipal String staffUser) {
    int generation = reissue.reissue(reference, staffUser);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "NEW_LINK_SENT",
        "generation", generation));
  }
}
