package org.codeorg.partnerships.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A district request that presented its partnership's current token: the principal is that
 * partnership's reference, and it opens that partnership only. No authorities: the district is no
 * Camunda user and belongs to no staff group.
 */
public final class DistrictTokenAuthentication extends AbstractAuthenticationToken {

  private final String reference;

  DistrictTokenAuthentication(String reference) {
    super(List.of());
    this.reference = reference;
    setAuthenticated(true);
  }

  /** The partnership reference ({@code DP-2026-0001}) whose token was presented. */
  @Override
  public String getPrincipal() {
    return reference;
  }

  /** The token is not kept: controllers read it from the request when they build the district's next link. */
  @Override
  public Object getCredentials() {
    return null;
  }

  /** Whether this authentication opens the partnership {@code reference}. */
  public boolean opens(String reference) {
    return this.reference.equals(reference);
  }
}
