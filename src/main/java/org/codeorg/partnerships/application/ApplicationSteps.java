package org.codeorg.partnerships.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's steps from review to signed terms. Each step changes the partnership's stage
 * and timeline and queues its email in the engine's transaction, so a step happens whole or not at all.
 */
@Service
public class ApplicationSteps {

  /** Both sides' obligations from the partnership terms, for the acceptance email. */
  static final String CODE_ORG_AGREES_TO = "provide all curricular resources (K-5, 6-8 and high school); an online "
      + "platform with programming environment, video lectures, teacher dashboard and forums; organize all "
      + "professional development with qualified facilitators, materials and meals; marketing materials for "
      + "principals, students and families; develop teacher leaders in the district; materials for Hour of Code "
      + "events; advocate for policy changes; grassroots support from our volunteer network.";
  static final String DISTRICT_AGREES_TO = "offer at least one of the partnership courses; develop a comprehensive "
      + "plan (vision, implementation, promotion, community support); participate in professional development "
      + "(high school teachers four phases over 15 months, ~100 hours; middle school three phases over 12 months, "
      + "~55 hours; elementary through an affiliate; counselors and principals of participating high schools) "
      + "with each teacher guaranteed to teach the course next school year; set up classrooms (time slot, room, "
      + "course code, 1:1 computing, 10 Mb/s, materials under $100 per ECS/CSP class); allow Code.org and its "
      + "evaluators to assess the program.";

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final InformationRequestRepository informationRequests;
  private final Clock clock;

  public ApplicationSteps(PartnershipProgress progress, PartnershipEmails emails,
      InformationRequestRepository informationRequests, Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.informationRequests = informationRequests;
    this.clock = clock;
  }

  @Transactional
  public PartnershipStage requestInformation(Long partnershipId, String processInstanceId, String question) {
    Partnership p = progress.load(partnershipId);
    InformationRequest request = informationRequests.save(new InformationRequest(partnershipId, question, clock.instant()));
    progress.moveTo(p, PartnershipStage.AWAITING_INFORMATION, "INFORMATION_REQUESTED", question);
    emails.toDistrict(p, Milestone.INFORMATION_REQUESTED, processInstanceId, "request-" + request.getId(),
        Map.of("question", question));
    return p.getStage();
  }

  @Transactional
  public void remindInformation(Long partnershipId, String processInstanceId, String reminder) {
    Partnership p = progress.load(partnershipId);
    InformationRequest open = informationRequests.findFirstByPartnershipIdAndAnsweredAtIsNullOrderByAskedAtDesc(partnershipId)
        .orElseThrow(() -> new IllegalStateException("No open information request for " + p.getReference()));
    progress.record(p, "INFORMATION_REMINDER_SENT", reminder);
    emails.toDistrict(p, Milestone.INFORMATION_REMINDER, processInstanceId, "request-" + open.getId() + "-" + reminder,
        Map.of("question", open.getQuestion()));
  }

  @Transactional
  public PartnershipStage withdrawUnanswered(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.WITHDRAWN, "APPLICATION_WITHDRAWN", "No answer to the request for information within 30 days");
    emails.toDistrict(p, Milestone.APPLICATION_WITHDRAWN, processInstanceId, null, Map.of());
    return p.getStage();
  }

  @Transactional
  public PartnershipStage decline(Long partnershipId, String processInstanceId, String reason) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.DECLINED, "APPLICATION_DECLINED", reason);
    emails.toDistrict(p, Milestone.APPLICATION_DECLINED, processInstanceId, null, Map.of("reason", reason));
    return p.getStage();
  }

  @Transactional
  public PartnershipStage accept(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.TERMS_SIGNATURE, "APPLICATION_ACCEPTED", null);
    emails.toDistrict(p, Milestone.APPLICATION_ACCEPTED, processInstanceId, null,
        Map.of("codeOrgAgreesTo", CODE_ORG_AGREES_TO, "districtAgreesTo", DISTRICT_AGREES_TO));
    return p.getStage();
  }

  @Transactional
  public void remindSignature(Long partnershipId, String processInstanceId, int reminderNumber) {
    Partnership p = progress.load(partnershipId);
    progress.record(p, "SIGNATURE_REMINDER_SENT", "Reminder " + reminderNumber);
    emails.toDistrict(p, Milestone.SIGNATURE_REMINDER, processInstanceId, "reminder-" + reminderNumber, Map.of());
  }

  /** Records the signed agreement and asks the district for its comprehensive plan. */
  @Transactional
  public PartnershipStage recordAgreement(Long partnershipId, String processInstanceId, String signatory,
      LocalDate signedOn) {
    Partnership p = progress.load(partnershipId);
    p.recordAgreement(signatory, signedOn, clock.instant());
    progress.record(p, "AGREEMENT_SIGNED", signatory + " on " + signedOn);
    progress.moveTo(p, PartnershipStage.COMPREHENSIVE_PLAN, "PLAN_REQUESTED", null);
    emails.toDistrict(p, Milestone.PLAN_REQUESTED, processInstanceId, null, Map.of());
    return p.getStage();
  }

  @Transactional
  public void remindReviewers(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    progress.record(p, "REVIEW_OVERDUE", null);
    emails.toStaff(p, Milestone.REVIEW_OVERDUE, processInstanceId, null,
        Map.of("screeningResult", p.getScreeningResult() == null ? "not screened" : p.getScreeningResult()));
  }
}
