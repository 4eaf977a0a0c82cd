package org.codeorg.partnerships.application;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

/** The district's application and its answer to a question (README, "HTTP API"). */
@RestController
@Tag(name = "District: application")
public class ApplicationApi {

  /** The application body of docs/examples/application.json, shown as the example in the OpenAPI document. */
  static final String EXAMPLE = """
      {
        "district": {"name": "Riverbend Unified", "ncesId": "0634120", "state": "CA"},
        "contact": {"name": "Maya Chen", "email": "maya.chen@riverbend.k12.ca.us", "phone": "+1 555 0100"},
        "schoolYear": "2027-2028",
        "schools": [{"name": "Riverbend High", "level": "HIGH"}],
        "courses": [{"course": "CSP", "school": "Riverbend High", "sections": 2}],
        "teachers": [{"name": "Lee Park", "email": "lpark@riverbend.k12.ca.us", "school": "Riverbend High", "course": "CSP"}],
        "leaders": [{"name": "Sam Cole", "email": "scole@riverbend.k12.ca.us", "school": "Riverbend High", "role": "COUNSELOR"}],
        "technology": {"oneToOneComputing": true, "bandwidthMbps": 25}
      }""";

  private final ApplicationIntake intake;
  private final InformationAnswers informationAnswers;

  public ApplicationApi(ApplicationIntake intake, InformationAnswers informationAnswers) {
    this.intake = intake;
    this.informationAnswers = informationAnswers;
  }

  /** See {@link ApplicationIntake#apply} for the answers to bad input (400, 409). */
  @PostMapping("/api/applications")
  @Operation(summary = "Apply for a partnership",
      description = "No login. Every error of the application is listed at once (400, each field named); a second "
          + "application of the same district for the same school year is 409 naming the first. The answer's "
          + "reference names the partnership; its token comes by email. Rate-limited per client address (429).",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = "application/json", examples = @ExampleObject(name = "A small district", value = EXAMPLE))),
      responses = @ApiResponse(responseCode = "201", description = "Registered; the lifecycle started"))
  public ResponseEntity<ApplicationIntake.Accepted> apply(@RequestBody PartnershipApplication application) {
    ApplicationIntake.Accepted accepted = intake.apply(application);
    return ResponseEntity.created(URI.create("/api/partnerships/" + accepted.reference())).body(accepted);
  }

  /** See {@link InformationAnswers#answer} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/information")
  @Operation(summary = "Answer a request for information",
      description = "The application goes back to review. 409 when no question is open.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Answer received"))
  public ResponseEntity<Map<String, String>> answerInformation(@PathVariable String reference,
      @RequestBody InformationAnswer body, DistrictToken token) {
    informationAnswers.answer(reference, token.value(), body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "status", "INFORMATION_RECEIVED"));
  }
}
