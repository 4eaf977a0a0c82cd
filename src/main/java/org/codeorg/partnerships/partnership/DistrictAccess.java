package org.codeorg.partnerships.partnership;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens a partnership for a district request only with that partnership's current token. */
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
    if (!tokens.matches(token, partnership.getAccessTokenHash())) {
      throw new DistrictAccessDenied();
    }
    return partnership;
  }
}
