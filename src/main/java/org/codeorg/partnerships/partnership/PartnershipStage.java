package org.codeorg.partnerships.partnership;

/**
 * Where a partnership stands. The lifecycle process keeps the process variable
 * {@code partnershipStage} equal to the partnership row's stage; Tasklist's stage filters read it.
 */
public enum PartnershipStage {
  APPLICATION_REVIEW("Application review", true),
  AWAITING_INFORMATION("Waiting for the district's information", false),
  /** A renewal: the district confirms or changes the teachers and sections carried over from last year. */
  RENEWAL_CONFIRMATION("Next school year: confirming teachers and sections", false),
  /** A renewal the district confirmed: a partnership manager's short review instead of screening. */
  RENEWAL_REVIEW("Renewal review", true),
  TERMS_SIGNATURE("Partnership terms signature", true),
  COMPREHENSIVE_PLAN("Comprehensive plan", true),
  /** Between the plan approval email and the start of implementation. */
  PLAN_APPROVED("Plan approved", false),
  IMPLEMENTATION("Professional development and classroom set-up", true),
  EVALUATION("Program evaluation", true),
  CLOSED("Closed", false),
  DECLINED("Declined", false),
  WITHDRAWN("Withdrawn", false);

  private final String label;
  private final boolean hasStaffWork;

  PartnershipStage(String label, boolean hasStaffWork) {
    this.label = label;
    this.hasStaffWork = hasStaffWork;
  }

  public String label() {
    return label;
  }

  /** The partnership has ended: its district token is revoked. */
  public boolean isClosed() {
    return this == CLOSED || this == DECLINED || this == WITHDRAWN;
  }

  /** Stages in which staff have user tasks; each gets a Tasklist filter. */
  public boolean hasStaffWork() {
    return hasStaffWork;
  }
}
