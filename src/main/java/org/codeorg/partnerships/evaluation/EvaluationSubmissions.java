package org.codeorg.partnerships.evaluation;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The district's evaluation data through its link ({@code POST .../evaluation-data}). */
@Service
@Validated
public class EvaluationSubmissions {

  private final DistrictAccess access;
  private final EvaluationSteps steps;
  private final LifecycleMessages messages;

  public EvaluationSubmissions(DistrictAccess access, EvaluationSteps steps, LifecycleMessages messages) {
    this.access = access;
    this.steps = steps;
    this.messages = messages;
  }

  /**
   * Stores the results and lets the evaluation go on.
   *
   * @return the number of courses stored
   * @throws jakarta.validation.ConstraintViolationException bad or incomplete results, before the token is looked at
   *     (400, each field named)
   * @throws org.codeorg.partnerships.partnership.DistrictAccessDenied unknown reference or wrong token (404)
   * @throws org.codeorg.partnerships.common.NotWaitingException the evaluation is not waiting for data; nothing is
   *     stored (409)
   */
  @ConcurrentSubmission("The evaluation data was submitted at the same moment")
  @Transactional
  public int submit(String reference, String token, @Valid EvaluationData data) {
    Partnership partnership = access.openForChange(reference, token);
    List<CourseResult> results = data.results();
    steps.recordData(partnership.getId(), results);
    messages.deliver(EvaluationProcess.MESSAGE_DATA, reference, Map.of(), "No evaluation data is expected now");
    return results.size();
  }
}
