package org.codeorg.partnerships.partnership;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.time.Clock;
import java.util.Map;

import org.codeorg.partnerships.mail.Milestone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partnership manager reissues a district's link (lost or leaked): the old token dies, the new one is emailed. */
@Service
public class DistrictTokenReissue {

  private final PartnershipRepository partnerships;
  private final DistrictAccessTokens tokens;
  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final Clock clock;

  public DistrictTokenReissue(PartnershipRepository partnerships, DistrictAccessTokens tokens,
      PartnershipProgress progress, PartnershipEmails emails, Clock clock) {
    this.partnerships = partnerships;
    this.tokens = tokens;
    this.progress = progress;
    this.emails = emails;
    this.clock = clock;
  }

  /**
   * Revokes the district's token and emails a link with the next one.
   *
   * @return the new generation
   * @throws UnknownPartnershipException no partnership with this reference (404)
   * @throws org.codeorg.partnerships.common.ConcurrentChangeException another reissue of the same link ran at the same
   *     moment and won; this one changed nothing (409)
   */
  @ConcurrentSubmission(value = "The district's link was reissued by another request at the same moment; that new link is on its way", retry = false)
  @Transactional
  public int reissue(String reference, String staffUser) {
    Partnership p = partnerships.findByReference(reference)
        .orElseThrow(() -> new UnknownPartnershipException(reference));
    int next = p.getTokenGeneration() + 1;
    p.rotateToken(DistrictAccessTokens.hash(tokens.tokenFor(p.getTokenReference(), next)), clock.instant());
    progress.record(p, "ACCESS_LINK_REISSUED", "by " + staffUser);
    emails.toDistrict(p, Milestone.ACCESS_LINK_REISSUED, p.getProcessInstanceId(), "generation-" + next, Map.of());
    return next;
  }
}
