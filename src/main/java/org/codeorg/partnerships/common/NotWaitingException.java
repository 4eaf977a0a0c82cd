package org.codeorg.partnerships.common;

/** The partnership is not at the step that a submission answers (e.g. a plan before it was requested). */
public class NotWaitingException extends RuntimeException {
  public NotWaitingException(String message) {
    super(message);
  }
}
