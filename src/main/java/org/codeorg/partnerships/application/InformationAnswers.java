package org.codeorg.partnerships.application;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import java.time.Clock;
import java.util.Map;

import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** The district's answer to a request for information; the application goes back to review. */
@Service
@Validated
public class InformationAnswers {

  private final DistrictAccess access;
  private final InformationRequestRepository requests;
  private final PartnershipProgress progress;
  private final LifecycleMessages messages;
  private final Clock clock;

  public InformationAnswers(DistrictAccess access, InformationRequestRepository requests, PartnershipProgress progress,
      LifecycleMessages messages, Clock clock) {
    this.access = access;
    this.requests = requests;
    this.progress = progress;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Stores the answer (trimmed) and lets the lifecycle's review continue.
   *
   * @throws jakarta.validation.ConstraintViolationException a blank or too long answer, before the token is looked at (400)
   * @throws org.codeorg.partnerships.partnership.DistrictAccessDenied unknown reference or wrong token (404)
   * @throws NotWaitingException no question is open (409)
   */
  @ConcurrentSubmission("The district's answer to this question was received at the same moment")
  @Transactional
  public void answer(String reference, String token, @Valid InformationAnswer body) {
    String answer = body.answer().trim();
    Partnership partnership = access.openForChange(reference, token);
    InformationRequest request = requests.findFirstByPartnershipIdAndAnsweredAtIsNullOrderByAskedAtDesc(partnership.getId())
        .orElseThrow(() -> new NotWaitingException("No question is waiting for an answer from this district"));
    request.answer(answer, clock.instant());
    progress.moveTo(partnership, PartnershipStage.APPLICATION_REVIEW, "INFORMATION_RECEIVED", null);
    Map<String, Object> payload = LifecycleProcess.PARTNERSHIP_STAGE.with(partnership.getStage());
    LifecycleProcess.INFORMATION_QUESTION.putIn(payload, request.getQuestion());
    LifecycleProcess.INFORMATION_ANSWER.putIn(payload, answer);
    messages.deliver(LifecycleProcess.MESSAGE_INFORMATION_RECEIVED, reference, payload,
        "The partnership is not waiting for information");
  }
}
