package org.codeorg.partnerships.application;

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

/** The district confirms a renewal's carried-over teachers and sections (README, "HTTP API"). */
@RestController
@Tag(name = "District: renewal")
public class RenewalApi {

  private final RenewalConfirmations confirmations;

  public RenewalApi(RenewalConfirmations confirmations) {
    this.confirmations = confirmations;
  }

  /** See {@link RenewalConfirmations#confirm} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/renewal-confirmation")
  @Operation(summary = "Confirm the teachers and sections carried over into the next school year",
      description = "Every teacher carried over is listed once with keep true or false; new teachers name one of the "
          + "partnership's schools; sections set the number per school and course where it changes. A partnership "
          + "manager then reviews the renewal. 409 once confirmed, or when the partnership is no renewal waiting for it.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Confirmed; the answer counts teachers and sections"))
  public ResponseEntity<Map<String, Object>> confirmRenewal(@PathVariable String reference,
      @RequestBody RenewalConfirmation body, DistrictToken token) {
    RenewalConfirmations.Confirmed confirmed = confirmations.confirm(reference, token.value(), body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "RENEWAL_CONFIRMED",
        "teachers", confirmed.teachers(), "sections", confirmed.sections()));
  }
}
