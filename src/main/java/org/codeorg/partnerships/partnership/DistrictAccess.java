package org.codeorg.partnerships.partnership;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a partnership for a district request only with that partnership's current, unrevoked
 * token. Every failure looks the same (404), so a token reveals nothing about other partnerships.
 */
@Component
public class DistrictAccess {

  private final PartnershipRepository partnerships;
  private final DistrictAccessTokens tokens;

  public DistrictAccess(PartnershipRepository partnerships, DistrictAccessTokens tokens) {
    this.partnerships = partnerships;
    this.tokens = tokens;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Partnership open(String reference, String token) {
    Partnership partnership = partnerships.findByReference(reference).orElseThrow(DistrictAccessDenied::new);
    if (partnership.isTokenRevoked() || !tokens.matches(token, partnership.getAccessTokenHash())) {
      throw new DistrictAccessDenied();
    }
    return partnership;
  }
}
