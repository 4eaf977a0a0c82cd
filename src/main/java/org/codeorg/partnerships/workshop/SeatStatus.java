package org.codeorg.partnerships.workshop;

public enum SeatStatus {
  ENROLLED,
  WAITLISTED,
  /** The workshop was cancelled. */
  CANCELLED
}
