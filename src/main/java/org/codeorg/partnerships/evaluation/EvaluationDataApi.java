package org.codeorg.partnerships.evaluation;

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

/** The district's results of the school year for the program evaluation. */
@RestController
@Tag(name = "District: program evaluation")
public class EvaluationDataApi {

  private final EvaluationSubmissions submissions;

  public EvaluationDataApi(EvaluationSubmissions submissions) {
    this.submissions = submissions;
  }

  /** See {@link EvaluationSubmissions#submit} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/partnerships/{reference}/evaluation-data")
  @Operation(summary = "Send the school year's results per course",
      description = "At most 20 courses, each once, with sections taught, students enrolled and students completed. "
          + "409 when the evaluation is not waiting for data.",
      security = @SecurityRequirement(name = ApiSchemes.DISTRICT_TOKEN),
      responses = @ApiResponse(responseCode = "202", description = "Results stored; the answer counts the courses"))
  public ResponseEntity<Map<String, Object>> evaluationData(@PathVariable String reference,
      @RequestBody EvaluationData body, DistrictToken token) {
    int courses = submissions.submit(reference, token.value(), body);
    return ResponseEntity.accepted().body(Map.of("reference", reference, "courses", courses,
        "status", "EVALUATION_DATA_RECEIVED"));
  }
}
