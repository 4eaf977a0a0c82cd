package org.codeorg.partnerships.partnership;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a partnership for a district request only with that partnership's current, unrevoked
 * token (or, for a year that was renewed, the token of the year that renewed it). Every failure looks the same (404), so a token reveals nothing about other partnerships.
 */
@Component
public class DistrictAccess {

  private final PartnershipRepository partnerships;
  private final DistrictAccessTokens tokens;

  public DistrictAccess(PartnershipRepository partnerships, DistrictAccessTokens tokens) {
    this.partnerships = partnerships;
    this.tokens = tokens;
  }

  /**
   * The partnership, loaded in the caller's transaction.
   *
   * @throws DistrictAccessDenied for an unknown reference, a wrong, old or revoked token (404 over HTTP)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Partnership open(String reference, String token) {
    return partnerships.findByReference(reference).filter(p -> opens(p, token)).orElseThrow(DistrictAccessDenied::new);
  }

  /**
   * The partnership for a submission that changes it, locked until the caller's transaction ends, so
   * that identical submissions at the same moment run one after the other (the second then finds
   * the step answered: 409).
   *
   * @throws DistrictAccessDenied for an unknown reference, a wrong, old or revoked token (404 over HTTP)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Partnership openForChange(String reference, String token) {
    return partnerships.lockByReference(reference).filter(p -> opens(p, token)).orElseThrow(DistrictAccessDenied::new);
  }

  /**
   * Whether {@code token} opens the partnership {@code reference}: false for an unknown reference
   * and for a wrong, old or revoked token alike. Used to authenticate a district request.
   */
  @Transactional(readOnly = true)
  public boolean admits(String reference, String token) {
    return partnerships.findByReference(reference).filter(p -> opens(p, token)).isPresent();
  }

  /**
   * A renewed year's link keeps opening that year (closed: it shows, it takes no answers) as long as
   * the token opens the year that renewed it: the district keeps one link across the years.
   */
  private boolean opens(Partnership partnership, String token) {
    if (!partnership.isTokenRevoked()) {
      return tokens.matches(token, partnership.getAccessTokenHash());
    }
    return partnership.isRenewalRequested()
        && partnerships.findRenewalOf(partnership.getId()).filter(next -> opens(next, token)).isPresent();
  }
}
