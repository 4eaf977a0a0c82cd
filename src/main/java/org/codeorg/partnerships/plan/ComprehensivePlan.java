package org.codeorg.partnerships.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One submitted version of the district's comprehensive plan (partnership terms: vision for
 * computer science, implementation, promotion, support in the district and community) with the
 * reviewer's decision and per-section comments.
 */
@Entity
@Table(name = "comprehensive_plan")
public class ComprehensivePlan {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comprehensive_plan_seq")
  @SequenceGenerator(name = "comprehensive_plan_seq", sequenceName = "comprehensive_plan_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(nullable = false)
  private int round;

  @Column(nullable = false)
  private String vision;

  @Column(nullable = false)
  private String implementation;

  @Column(nullable = false)
  private String promotion;

  @Column(name = "community_support", nullable = false)
  private String communitySupport;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  private String decision;

  @Column(name = "vision_comment")
  private String visionComment;

  @Column(name = "implementation_comment")
  private String implementationComment;

  @Column(name = "promotion_comment")
  private String promotionComment;

  @Column(name = "community_support_comment")
  private String communitySupportComment;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected ComprehensivePlan() {
  }

  public ComprehensivePlan(Long partnershipId, int round, PlanSections sections, Instant submittedAt) {
    this.partnershipId = partnershipId;
    this.round = round;
    this.vision = sections.vision();
    this.implementation = sections.implementation();
    this.promotion = sections.promotion();
    this.communitySupport = sections.communitySupport();
    this.submittedAt = submittedAt;
  }

  public void recordReview(String decision, PlanSections comments, String reviewer, Instant now) {
    this.decision = decision;
    this.visionComment = comments.vision();
    this.implementationComment = comments.implementation();
    this.promotionComment = comments.promotion();
    this.communitySupportComment = comments.communitySupport();
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getPartnershipId() {
    return partnershipId;
  }

  public int getRound() {
    return round;
  }

  public PlanSections sections() {
    return new PlanSections(vision, implementation, promotion, communitySupport);
  }

  public PlanSections comments() {
    return new PlanSections(visionComment, implementationComment, promotionComment, communitySupportComment);
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getDecision() {
    return decision;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }
}
