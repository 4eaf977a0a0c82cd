package org.codeorg.partnerships.web;

public class UnknownPartnershipException extends RuntimeException {
  public UnknownPartnershipException(String reference) {
    super("No partnership " + reference);
  }
}
