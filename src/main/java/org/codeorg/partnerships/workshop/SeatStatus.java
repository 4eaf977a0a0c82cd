package org.codeorg.partnerships.workshop;

public enum SeatStatus {
  ENROLLED,
  WAITLISTED
}
