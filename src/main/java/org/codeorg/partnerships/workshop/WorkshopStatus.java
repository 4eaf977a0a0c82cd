package org.codeorg.partnerships.workshop;

/**
 * PLANNING until teachers are enrolled; OPEN from enrolment until the organizer closes it;
 * CANCELLED when a PD manager cancels it before it ends.
 */
public enum WorkshopStatus {
  PLANNING,
  OPEN,
  CLOSED,
  CANCELLED
}
