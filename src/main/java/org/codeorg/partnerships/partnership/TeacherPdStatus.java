package org.codeorg.partnerships.partnership;

/** Where a teacher stands in professional development. */
public enum TeacherPdStatus {
  NOT_STARTED,
  AWAITING_COMMITMENT,
  IN_PROGRESS,
  COMPLETED,
  WITHDRAWN
}
