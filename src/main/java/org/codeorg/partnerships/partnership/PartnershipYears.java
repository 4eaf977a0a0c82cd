package org.codeorg.partnerships.partnership;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A district's partnerships linked by renewals: the school years before and after one partnership. */
@Component
public class PartnershipYears {

  /** Far more years than a partnership lives; stops a broken chain from looping. */
  private static final int MAX_YEARS = 50;

  private final PartnershipRepository partnerships;

  public PartnershipYears(PartnershipRepository partnerships) {
    this.partnerships = partnerships;
  }

  /** Every year of the chain that {@code partnership} belongs to, oldest first (just it, when never renewed). */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Partnership> of(Partnership partnership) {
    LinkedList<Partnership> years = new LinkedList<>();
    years.add(partnership);
    for (Partnership p = partnership; p.getPreviousPartnershipId() != null && years.size() < MAX_YEARS; ) {
      Optional<Partnership> previous = partnerships.findById(p.getPreviousPartnershipId());
      if (previous.isEmpty()) {
        break;
      }
      p = previous.get();
      years.addFirst(p);
    }
    for (Optional<Partnership> next = partnerships.findRenewalOf(partnership.getId());
        next.isPresent() && years.size() < MAX_YEARS; next = partnerships.findRenewalOf(next.get().getId())) {
      years.addLast(next.get());
    }
    return new ArrayList<>(years);
  }

  /** The year before {@code partnership}, if it is a renewal. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Partnership> previous(Partnership partnership) {
    return partnership.getPreviousPartnershipId() == null ? Optional.empty()
        : partnerships.findById(partnership.getPreviousPartnershipId());
  }

  /** The year that renewed {@code partnership}, if any. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Partnership> next(Partnership partnership) {
    return partnerships.findRenewalOf(partnership.getId());
  }
}
