package org.codeorg.partnerships.partnership;

/** A section's set-up as the classroom-readiness decision judged the district's last report. */
public enum SectionReadiness {
  NOT_REPORTED,
  READY,
  NOT_READY,
  NEEDS_APPROVAL,
  DROPPED
}
