package org.codeorg.partnerships.common;

/**
 * Names of the OpenAPI security schemes (declared once in {@code web.ApiDocumentation}) that each
 * feature's endpoints refer to with {@code @SecurityRequirement}.
 */
public final class ApiSchemes {

  /** HTTP Basic with a Camunda user (staff). */
  public static final String STAFF = "staffBasic";
  /** The partnership token a district got by email, in header {@code X-Partnership-Token}. */
  public static final String DISTRICT_TOKEN = "districtToken";

  private ApiSchemes() {
  }
}
