package org.codeorg.partnerships.workshop;

public class UnknownWorkshopException extends RuntimeException {
  public UnknownWorkshopException(String reference) {
    super("No workshop " + reference);
  }
}
