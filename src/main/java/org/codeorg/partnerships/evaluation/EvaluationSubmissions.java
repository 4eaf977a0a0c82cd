package org.codeorg.partnerships.evaluation;

import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's evaluation data through its link ({@code POST .../evaluation-data}). */
@Service
public class EvaluationSubmissions {

  private final DistrictAccess access;
  private final EvaluationSteps steps;
  private final LifecycleMessages messages;

  public EvaluationSubmissions(DistrictAccess access, EvaluationSteps steps, LifecycleMessages messages) {
    this.access = access;
    this.steps = steps;
    this.messages = messages;
  }

  /** Nothing is stored when the evaluation is not waiting for data (409). */
  @Transactional
  public void submit(String reference, String token, List<CourseResult> results) {
    Partnership partnership = access.open(reference, token);
    steps.recordData(partnership.getId(), results);
    messages.deliver(EvaluationProcess.MESSAGE_DATA, reference, Map.of(), "No evaluation data is expected now");
  }
}
