package org.codeorg.partnerships.workshop;

/** PLANNING until teachers are enrolled; OPEN from enrolment until the organizer closes it. */
public enum WorkshopStatus {
  PLANNING,
  OPEN,
  CLOSED
}
