package org.codeorg.partnerships.common;

/**
 * Another request changed the same thing at the same moment and won; this one changed nothing.
 * The message says what the other did. A 409 like every {@link NotWaitingException}.
 */
public class ConcurrentChangeException extends NotWaitingException {
  public ConcurrentChangeException(String message) {
    super(message);
  }
}
