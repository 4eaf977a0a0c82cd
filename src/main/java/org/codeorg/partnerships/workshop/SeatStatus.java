package org.codeorg.partnerships.workshop;

public enum SeatStatus {
  ENROLLED,
  WAITLISTED,
  /** The workshop was cancelled. */
  CANCELLED,
  /** The teacher gave the seat up through the enrolment email's link; the seat went to the waitlist. */
  RELEASED
}
