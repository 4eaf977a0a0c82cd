package org.codeorg.partnerships.partnership;

public class UnknownPartnershipException extends RuntimeException {
  public UnknownPartnershipException(String reference) {
    super("No partnership " + reference);
  }
}
