package org.codeorg.partnerships.partnership;

/**
 * The partnership token a district request carries: header {@value #HEADER}, else query parameter
 * {@value #QUERY} (the emailed links). A district endpoint declares a parameter of this type; the
 * web layer fills it, and {@link DistrictAccess#open} judges it (null when the request has none).
 */
public record DistrictToken(String value) {

  public static final String HEADER = "X-Partnership-Token";
  public static final String QUERY = "token";

  /** The header wins when both are given; a blank header counts as absent. */
  public static DistrictToken of(String header, String query) {
    return new DistrictToken(header != null && !header.isBlank() ? header.trim() : query);
  }
}
