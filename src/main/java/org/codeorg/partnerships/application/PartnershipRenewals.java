package org.codeorg.partnerships.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipReferences;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewal into the next school year: the lifecycle's steps from "Start next school year's
 * partnership" (in the year that closes) to "Ask district to update the plan" (in the new year).
 * The new year is a partnership of its own (own reference, stage, processes), linked to the year
 * before and opened by the same district link.
 */
@Service
public class PartnershipRenewals {

  private static final Logger log = LoggerFactory.getLogger(PartnershipRenewals.class);

  private final PartnershipRepository partnerships;
  private final PartnershipReferences references;
  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public PartnershipRenewals(PartnershipRepository partnerships, PartnershipReferences references,
      PartnershipProgress progress, PartnershipEmails emails, RuntimeService runtimeService, Clock clock) {
    this.partnerships = partnerships;
    this.references = references;
    this.progress = progress;
    this.emails = emails;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Creates the next school year's partnership of the closed partnership {@code previousId}
   * (schools, sections, teachers and leaders carried over; the same district token) and starts its
   * lifecycle at {@code StartEvent_RenewalRequested}, in the caller's transaction. At most once per
   * partnership: the partnership's row is locked while this runs, and a renewal that exists already
   * is answered again (a retried job, a second call) — a unique key on the link backs this up.
   *
   * @return the next year's reference; empty when the district already has a partnership for that
   *     school year through an application of its own (then nothing is created; the timeline says so)
   * @throws IllegalStateException the partnership does not exist: a modelling error, an incident
   */
  @Transactional
  public Optional<String> startNextYear(Long previousId) {
    Partnership previous = partnerships.lockById(previousId)
        .orElseThrow(() -> new IllegalStateException("No partnership with id " + previousId));
    Optional<Partnership> renewed = partnerships.findRenewalOf(previousId);
    if (renewed.isPresent()) {
      return renewed.map(Partnership::getReference);
    }
    String nextYear = SchoolYears.next(previous.getSchoolYear());
    Optional<Partnership> applied = partnerships.findByDistrictNcesIdAndSchoolYear(
        previous.getDistrict().getNcesId(), nextYear);
    if (applied.isPresent()) {
      progress.record(previous, "RENEWAL_NOT_STARTED", "The district applied for " + nextYear + " already as "
          + applied.get().getReference());
      return Optional.empty();
    }
    Partnership next = partnerships.save(previous.renewAs(references.next(), nextYear, clock.instant()));
    progress.record(next, "RENEWAL_STARTED", "Renews " + previous.getReference());
    progress.record(previous, "RENEWED", next.getReference() + " for " + nextYear);
    Map<String, Object> variables = LifecycleProcess.PARTNERSHIP_ID.with(next.getId());
    LifecycleProcess.PARTNERSHIP_REFERENCE.putIn(variables, next.getReference());
    LifecycleProcess.PARTNERSHIP_STAGE.putIn(variables, next.getStage());
    LifecycleProcess.DISTRICT_NAME.putIn(variables, next.getDistrict().getName());
    LifecycleProcess.SCHOOL_YEAR.putIn(variables, nextYear);
    LifecycleProcess.PREVIOUS_PARTNERSHIP_REFERENCE.putIn(variables, previous.getReference());
    ProcessInstance instance = runtimeService.startProcessInstanceByMessage(LifecycleProcess.MESSAGE_RENEWAL_REQUESTED,
        next.getReference(), variables);
    next.attachProcessInstance(instance.getId());
    log.info("Renewed partnership {} as {} for {} (process instance {})", previous.getReference(),
        next.getReference(), nextYear, instance.getId());
    return Optional.of(next.getReference());
  }

  /** {@code Task_RequestRenewalConfirmation}: emails the district its link to confirm the carried-over teachers and sections. */
  @Transactional
  public PartnershipStage requestConfirmation(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    String previous = partnerships.findById(p.getPreviousPartnershipId()).map(Partnership::getReference).orElse("");
    progress.record(p, "RENEWAL_CONFIRMATION_REQUESTED", null);
    emails.toDistrict(p, Milestone.RENEWAL_CONFIRMATION_REQUESTED, processInstanceId, null,
        Map.of("previousReference", previous, "teacherCount", p.getTeachers().size(),
            "sectionCount", p.getSections().size()));
    return p.getStage();
  }

  /** {@code Task_RequestPlanUpdate}: stage comprehensive plan; last year's plan is pre-filled on the district's page. */
  @Transactional
  public PartnershipStage requestPlanUpdate(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.COMPREHENSIVE_PLAN, "PLAN_UPDATE_REQUESTED", null);
    emails.toDistrict(p, Milestone.PLAN_UPDATE_REQUESTED, processInstanceId, null, Map.of());
    return p.getStage();
  }
}
