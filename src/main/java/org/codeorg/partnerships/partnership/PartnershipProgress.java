package org.codeorg.partnerships.partnership;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Loads a partnership for a process step and writes its stage changes and timeline events. */
@Component
public class PartnershipProgress {

  private final PartnershipRepository partnerships;
  private final PartnershipEventRepository events;
  private final Clock clock;

  public PartnershipProgress(PartnershipRepository partnerships, PartnershipEventRepository events, Clock clock) {
    this.partnerships = partnerships;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Partnership load(Long partnershipId) {
    return partnerships.findById(partnershipId)
        .orElseThrow(() -> new IllegalStateException("No partnership with id " + partnershipId));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Partnership partnership, String event, String detail) {
    events.save(new PartnershipEvent(partnership.getId(), event, clock.instant(), detail));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void moveTo(Partnership partnership, PartnershipStage stage, String event, String detail) {
    partnership.moveTo(stage, clock.instant());
    record(partnership, event, detail);
  }
}
