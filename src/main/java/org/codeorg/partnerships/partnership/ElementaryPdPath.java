package org.codeorg.partnerships.partnership;

/** Who trains a partnership's elementary (CSF) teachers: the terms allow either, chosen per partnership. */
public enum ElementaryPdPath {
  REGIONAL_AFFILIATE("a Code.org regional affiliate"),
  DISTRICT_AFFILIATE("a district employee trained as an affiliate trainer");

  private final String label;

  ElementaryPdPath(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
