package org.codeorg.partnerships.pd;

/** How a PD phase is delivered; the {@code pd-track} decision names it. */
public enum PdDelivery {
  ONLINE("Online"),
  IN_PERSON("In-person workshop"),
  AFFILIATE("Workshop with an affiliate");

  private final String label;

  PdDelivery(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** In-person and affiliate phases are workshops; online phases are completed in the online environment. */
  public boolean isWorkshop() {
    return this != ONLINE;
  }
}
