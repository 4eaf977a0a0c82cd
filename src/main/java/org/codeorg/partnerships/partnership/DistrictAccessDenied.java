package org.codeorg.partnerships.partnership;

/** A district request without a valid token for the partnership it names: answered 404, no hint why. */
public class DistrictAccessDenied extends RuntimeException {
  public DistrictAccessDenied() {
    super("No partnership with this reference for this token");
  }
}
