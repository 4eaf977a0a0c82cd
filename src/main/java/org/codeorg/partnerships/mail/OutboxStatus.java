package org.codeorg.partnerships.mail;

public enum OutboxStatus {
  /** Waiting for its (next) delivery attempt. */
  QUEUED,
  /** Claimed by a sender; a claim older than the claim timeout is taken up again. */
  SENDING,
  SENT,
  /** Every attempt failed; kept for staff to see and re-queue. */
  FAILED
}
