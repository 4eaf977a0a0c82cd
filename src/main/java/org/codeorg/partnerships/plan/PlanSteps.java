package org.codeorg.partnerships.plan;

import java.time.Clock;
import java.util.Map;

import org.codeorg.partnerships.lifecycle.LifecycleProcess.PlanDecision;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The comprehensive plan's review loop: record a review, ask for a revision, approve. */
@Service
public class PlanSteps {

  /** After this many revision requests the next "revise" goes to an escalated decision instead. */
  public static final int MAX_REVISION_ROUNDS = 3;

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final ComprehensivePlanRepository plans;
  private final Clock clock;

  public PlanSteps(PartnershipProgress progress, PartnershipEmails emails, ComprehensivePlanRepository plans,
      Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * Whether a review goes to the escalated decision instead of back to the district.
   *
   * @param revisionRequests the requests for revision so far, this review's included
   */
  public static boolean escalates(PlanDecision decision, int revisionRequests) {
    return decision == PlanDecision.REVISE && revisionRequests > MAX_REVISION_ROUNDS;
  }

  /**
   * Stores the reviewer's decision and comments on the latest submitted plan.
   *
   * @throws IllegalStateException when no plan was submitted (a modelling error: the step's incident)
   */
  @Transactional
  public ComprehensivePlan recordReview(Long partnershipId, PlanDecision decision, PlanSections comments,
      String reviewer) {
    Partnership p = progress.load(partnershipId);
    ComprehensivePlan plan = plans.findFirstByPartnershipIdOrderByRoundDesc(partnershipId)
        .orElseThrow(() -> new IllegalStateException("No plan submitted for " + p.getReference()));
    plan.recordReview(decision.name(), comments, reviewer, clock.instant());
    progress.record(p, "PLAN_REVIEWED", "Round " + plan.getRound() + ": " + decision);
    return plan;
  }

  @Transactional
  public void requestRevision(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    ComprehensivePlan plan = plans.findFirstByPartnershipIdOrderByRoundDesc(partnershipId).orElseThrow();
    PlanSections comments = plan.comments();
    progress.record(p, "PLAN_REVISION_REQUESTED", "Round " + plan.getRound());
    emails.toDistrict(p, Milestone.PLAN_REVISION_REQUESTED, processInstanceId, "round-" + plan.getRound(), Map.of(
        "round", plan.getRound(),
        "visionComment", orNone(comments.vision()),
        "implementationComment", orNone(comments.implementation()),
        "promotionComment", orNone(comments.promotion()),
        "communitySupportComment", orNone(comments.communitySupport())));
  }

  @Transactional
  public PartnershipStage approve(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.PLAN_APPROVED, "PLAN_APPROVED", null);
    emails.toDistrict(p, Milestone.PLAN_APPROVED, processInstanceId, null, Map.of());
    return p.getStage();
  }

  @Transactional
  public PartnershipStage withdrawAfterEscalation(Long partnershipId, String processInstanceId, String reason) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.WITHDRAWN, "PARTNERSHIP_WITHDRAWN", reason);
    emails.toDistrict(p, Milestone.APPLICATION_WITHDRAWN, processInstanceId, "plan-escalation", Map.of());
    return p.getStage();
  }

  private static String orNone(String comment) {
    return comment == null || comment.isBlank() ? "No changes needed." : comment;
  }
}
