package org.codeorg.partnerships.plan;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.time.Clock;
import java.util.Map;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** The district submits (a revision of) its comprehensive plan; a manager then reviews it. */
@Service
@Validated
public class PlanSubmissions {

  private final DistrictAccess access;
  private final ComprehensivePlanRepository plans;
  private final PartnershipProgress progress;
  private final LifecycleMessages messages;
  private final Clock clock;

  public PlanSubmissions(DistrictAccess access, ComprehensivePlanRepository plans, PartnershipProgress progress,
      LifecycleMessages messages, Clock clock) {
    this.access = access;
    this.plans = plans;
    this.progress = progress;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Stores the plan (each section trimmed) as the next round and lets the lifecycle's review start.
   *
   * @return the round of the stored plan (1 for the first submission)
   * @throws jakarta.validation.ConstraintViolationException a missing or too long section, before the token is
   *     looked at (400, each section named)
   * @throws org.codeorg.partnerships.partnership.DistrictAccessDenied unknown reference or wrong token (404)
   * @throws org.codeorg.partnerships.common.NotWaitingException no plan is expected now; nothing is stored (409)
   */
  @ConcurrentSubmission("The comprehensive plan was submitted at the same moment")
  @Transactional
  public int submit(String reference, String token, @Valid PlanSections submitted) {
    PlanSections sections = submitted.trimmed();
    Partnership partnership = access.openForChange(reference, token);
    int round = plans.findFirstByPartnershipIdOrderByRoundDesc(partnership.getId())
        .map(previous -> previous.getRound() + 1).orElse(1);
    plans.save(new ComprehensivePlan(partnership.getId(), round, sections, clock.instant()));
    progress.record(partnership, "PLAN_SUBMITTED", "Round " + round);
    Map<String, Object> payload = LifecycleProcess.PLAN_ROUND.with(round);
    LifecycleProcess.PLAN_VISION.putIn(payload, sections.vision());
    LifecycleProcess.PLAN_IMPLEMENTATION.putIn(payload, sections.implementation());
    LifecycleProcess.PLAN_PROMOTION.putIn(payload, sections.promotion());
    LifecycleProcess.PLAN_COMMUNITY_SUPPORT.putIn(payload, sections.communitySupport());
    messages.deliver(LifecycleProcess.MESSAGE_PLAN_SUBMITTED, reference, payload,
        "The partnership is not waiting for a comprehensive plan");
    return round;
  }
}
