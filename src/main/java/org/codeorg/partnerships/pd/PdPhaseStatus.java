package org.codeorg.partnerships.pd;

/** A ledger row's state: PLANNED until its turn, OPEN while the teacher works on it (or waits for a workshop seat). */
public enum PdPhaseStatus {
  PLANNED,
  OPEN,
  SEATED,
  COMPLETED,
  MISSED,
  WITHDRAWN
}
