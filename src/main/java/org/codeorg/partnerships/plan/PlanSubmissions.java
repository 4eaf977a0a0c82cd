package org.codeorg.partnerships.plan;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.NotWaitingException;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district submits (a revision of) its comprehensive plan; a manager then reviews it. */
@Service
public class PlanSubmissions {

  public static final String MESSAGE = "PlanSubmitted";

  private final DistrictAccess access;
  private final ComprehensivePlanRepository plans;
  private final PartnershipProgress progress;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public PlanSubmissions(DistrictAccess access, ComprehensivePlanRepository plans, PartnershipProgress progress,
      RuntimeService runtimeService, Clock clock) {
    this.access = access;
    this.plans = plans;
    this.progress = progress;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Returns the round of the stored plan (1 for the first submission). */
  @Transactional
  public int submit(String reference, String token, PlanSections sections) {
    Partnership partnership = access.open(reference, token);
    int round = plans.findFirstByPartnershipIdOrderByRoundDesc(partnership.getId())
        .map(previous -> previous.getRound() + 1).orElse(1);
    plans.save(new ComprehensivePlan(partnership.getId(), round, sections, clock.instant()));
    progress.record(partnership, "PLAN_SUBMITTED", "Round " + round);
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(reference)
          .setVariables(Map.of(
              "planRound", round,
              "planVision", sections.vision(),
              "planImplementation", sections.implementation(),
              "planPromotion", sections.promotion(),
              "planCommunitySupport", sections.communitySupport()))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException("The partnership is not waiting for a comprehensive plan");
    }
    return round;
  }
}
