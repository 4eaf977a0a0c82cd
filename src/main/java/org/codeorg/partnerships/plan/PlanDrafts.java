package org.codeorg.partnerships.plan;

import java.util.Optional;

import org.codeorg.partnerships.partnership.Partnership;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the district's plan form starts from in a renewal: the plan is updated rather than written
 * anew, so until the new year has a plan of its own, last year's latest submission fills the form.
 */
@Component
public class PlanDrafts {

  private final ComprehensivePlanRepository plans;

  public PlanDrafts(ComprehensivePlanRepository plans) {
    this.plans = plans;
  }

  /** Last year's latest plan for a renewal that has none yet; empty otherwise. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<PlanSections> draftFor(Partnership partnership) {
    if (partnership.getPreviousPartnershipId() == null
        || plans.findFirstByPartnershipIdOrderByRoundDesc(partnership.getId()).isPresent()) {
      return Optional.empty();
    }
    return plans.findFirstByPartnershipIdOrderByRoundDesc(partnership.getPreviousPartnershipId())
        .map(ComprehensivePlan::sections);
  }
}
