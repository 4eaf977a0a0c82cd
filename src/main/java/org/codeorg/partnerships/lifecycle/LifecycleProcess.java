package org.codeorg.partnerships.lifecycle;

import java.util.Map;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.codeorg.partnerships.partnership.PartnershipStage;

/**
 * Contract of {@code bpmn/partnership-lifecycle.bpmn}: its key, the element ids and message names
 * code refers to, and the variables its expressions, forms and delegates share, with their types.
 * Decision values a gateway compares are the enums below; forms offer exactly their names
 * ({@code ModelConventionsTest} checks both).
 *
 * <p>Most of the partnership lives in JPA; the variables are ids, the stage, what a form
 * submitted, and what a gateway or timer reads.
 */
public final class LifecycleProcess {

  public static final String PROCESS_KEY = "partnership-lifecycle";

  public static final String TASK_REGISTER_APPLICATION = "Task_RegisterApplication";
  public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";
  public static final String TASK_REMIND_INFORMATION_AFTER_7_DAYS = "Task_RemindInformationAfter7Days";
  public static final String TASK_REMIND_INFORMATION_AFTER_14_DAYS = "Task_RemindInformationAfter14Days";
  public static final String TASK_WAIT_FOR_PLAN = "Task_WaitForPlan";
  public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
  public static final String TASK_RECORD_PLAN_REVIEW = "Task_RecordPlanReview";
  public static final String TASK_DECIDE_ESCALATED_PLAN = "Task_DecideEscalatedPlan";

  // Renewal into the next school year: a start path of its own (message start event).
  public static final String START_RENEWAL_REQUESTED = "StartEvent_RenewalRequested";
  public static final String TASK_START_RENEWAL = "Task_StartRenewal";
  public static final String TASK_WAIT_FOR_RENEWAL_CONFIRMATION = "Task_WaitForRenewalConfirmation";
  public static final String TASK_REVIEW_RENEWAL = "Task_ReviewRenewal";
  /** Starts the next school year's lifecycle at {@code StartEvent_RenewalRequested} ({@code Task_StartRenewal}). */
  public static final String MESSAGE_RENEWAL_REQUESTED = "RenewalRequested";
  /** The district confirmed the carried-over teachers and sections ({@code Task_WaitForRenewalConfirmation}). */
  public static final String MESSAGE_RENEWAL_CONFIRMED = "RenewalConfirmed";

  /** The district answered a request for information ({@code Task_WaitForInformation}). */
  public static final String MESSAGE_INFORMATION_RECEIVED = "InformationReceived";
  /** The district submitted (a revision of) its comprehensive plan ({@code Task_WaitForPlan}). */
  public static final String MESSAGE_PLAN_SUBMITTED = "PlanSubmitted";

  // Names kept as String constants too: annotations and other features' queries use them.
  public static final String VAR_PARTNERSHIP_ID = "partnershipId";
  public static final String VAR_PARTNERSHIP_REFERENCE = "partnershipReference";
  public static final String VAR_PARTNERSHIP_STAGE = "partnershipStage";
  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_REVIEW_DECISION = "reviewDecision";

  // --- registration and screening ---

  public static final ProcessVariable<Long> PARTNERSHIP_ID = ProcessVariable.longValue(VAR_PARTNERSHIP_ID);
  /** The business key too; set before registration by {@code POST /api/applications}. */
  public static final ProcessVariable<String> PARTNERSHIP_REFERENCE = ProcessVariable.string(VAR_PARTNERSHIP_REFERENCE);
  /** Mirrors the stored stage so Tasklist filters and Cockpit can search by it. */
  public static final ProcessVariable<PartnershipStage> PARTNERSHIP_STAGE =
      ProcessVariable.enumeration(VAR_PARTNERSHIP_STAGE, PartnershipStage.class);
  public static final ProcessVariable<String> DISTRICT_NAME = ProcessVariable.string(VAR_DISTRICT_NAME);
  /** The whole application as JSON, transient: read by {@code Task_RegisterApplication} in the starting transaction. */
  public static final ProcessVariable<String> APPLICATION_JSON = ProcessVariable.string("applicationJson");
  public static final ProcessVariable<ScreeningOutcome> SCREENING_RESULT =
      ProcessVariable.enumeration("screeningResult", ScreeningOutcome.class);
  public static final ProcessVariable<String> SCREENING_REASONS = ProcessVariable.string("screeningReasons");

  // What "Review application" shows (text variables its form templates read).
  public static final ProcessVariable<String> DISTRICT_STATE = ProcessVariable.string("districtState");
  public static final ProcessVariable<String> SCHOOL_YEAR = ProcessVariable.string("schoolYear");
  public static final ProcessVariable<String> CONTACT_SUMMARY = ProcessVariable.string("contactSummary");
  public static final ProcessVariable<String> SCHOOLS_SUMMARY = ProcessVariable.string("schoolsSummary");
  public static final ProcessVariable<String> COURSES_SUMMARY = ProcessVariable.string("coursesSummary");
  public static final ProcessVariable<String> TEACHERS_SUMMARY = ProcessVariable.string("teachersSummary");
  public static final ProcessVariable<String> TECHNOLOGY_SUMMARY = ProcessVariable.string("technologySummary");

  // Start form submit-application (staff key in an application received by mail); read leniently
  // by StartFormApplication, which turns them into the API's application.
  public static final ProcessVariable<String> DISTRICT_NCES_ID = ProcessVariable.string("districtNcesId");
  public static final ProcessVariable<String> CONTACT_NAME = ProcessVariable.string("contactName");
  public static final ProcessVariable<String> CONTACT_EMAIL = ProcessVariable.string("contactEmail");
  public static final ProcessVariable<String> CONTACT_PHONE = ProcessVariable.string("contactPhone");
  public static final ProcessVariable<String> SCHOOL_NAME = ProcessVariable.string("schoolName");
  public static final ProcessVariable<String> SCHOOL_LEVEL = ProcessVariable.string("schoolLevel");
  public static final ProcessVariable<Course> COURSE = ProcessVariable.enumeration("course", Course.class);
  public static final ProcessVariable<Integer> SECTIONS = ProcessVariable.integer("sections");
  public static final ProcessVariable<String> TEACHER_NAME = ProcessVariable.string("teacherName");
  public static final ProcessVariable<String> TEACHER_EMAIL = ProcessVariable.string("teacherEmail");
  public static final ProcessVariable<Boolean> ONE_TO_ONE_COMPUTING = ProcessVariable.bool("oneToOneComputing");
  public static final ProcessVariable<Integer> BANDWIDTH_MBPS = ProcessVariable.integer("bandwidthMbps");

  // --- review, information, signature (forms review-application, record-signed-agreement) ---

  public static final ProcessVariable<ReviewDecision> REVIEW_DECISION =
      ProcessVariable.enumeration(VAR_REVIEW_DECISION, ReviewDecision.class);
  public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.string("declineReason");
  public static final ProcessVariable<String> INFORMATION_REQUEST = ProcessVariable.string("informationRequest");
  /** Payload of {@link #MESSAGE_INFORMATION_RECEIVED}. */
  public static final ProcessVariable<String> INFORMATION_QUESTION = ProcessVariable.string("informationQuestion");
  /** Payload of {@link #MESSAGE_INFORMATION_RECEIVED}. */
  public static final ProcessVariable<String> INFORMATION_ANSWER = ProcessVariable.string("informationAnswer");
  public static final ProcessVariable<Integer> SIGNATURE_REMINDERS_SENT = ProcessVariable.integer("signatureRemindersSent");
  public static final ProcessVariable<String> SIGNATORY_NAME = ProcessVariable.string("signatoryName");
  public static final ProcessVariable<LocalDate> AGREEMENT_SIGNED_ON = ProcessVariable.localDate("agreementSignedOn");

  // --- comprehensive plan (form review-comprehensive-plan, decide-escalated-plan) ---

  /** Payload of {@link #MESSAGE_PLAN_SUBMITTED}: 1 for the first submission. */
  public static final ProcessVariable<Integer> PLAN_ROUND = ProcessVariable.integer("planRound");
  public static final ProcessVariable<String> PLAN_VISION = ProcessVariable.string("planVision");
  public static final ProcessVariable<String> PLAN_IMPLEMENTATION = ProcessVariable.string("planImplementation");
  public static final ProcessVariable<String> PLAN_PROMOTION = ProcessVariable.string("planPromotion");
  public static final ProcessVariable<String> PLAN_COMMUNITY_SUPPORT = ProcessVariable.string("planCommunitySupport");
  public static final ProcessVariable<String> VISION_COMMENT = ProcessVariable.string("visionComment");
  public static final ProcessVariable<String> IMPLEMENTATION_COMMENT = ProcessVariable.string("implementationComment");
  public static final ProcessVariable<String> PROMOTION_COMMENT = ProcessVariable.string("promotionComment");
  public static final ProcessVariable<String> COMMUNITY_SUPPORT_COMMENT = ProcessVariable.string("communitySupportComment");
  public static final ProcessVariable<PlanDecision> PLAN_DECISION =
      ProcessVariable.enumeration("planDecision", PlanDecision.class);
  /** Revision requests so far, counted by {@code Task_RecordPlanReview}. */
  public static final ProcessVariable<Integer> PLAN_REVISION_ROUNDS = ProcessVariable.integer("planRevisionRounds");
  /** Set by {@code Task_RecordPlanReview}: this "revise" goes to the escalated decision instead of the district. */
  public static final ProcessVariable<Boolean> ESCALATE_PLAN = ProcessVariable.bool("escalatePlan");
  public static final ProcessVariable<EscalationDecision> ESCALATION_DECISION =
      ProcessVariable.enumeration("escalationDecision", EscalationDecision.class);
  public static final ProcessVariable<String> ESCALATION_NOTES = ProcessVariable.string("escalationNotes");

  // --- implementation (set by Task_StartImplementation and Task_ScheduleHourOfCode) ---

  public static final ProcessVariable<Boolean> HAS_ELEMENTARY_TEACHERS = ProcessVariable.bool("hasElementaryTeachers");
  public static final ProcessVariable<String> ELEMENTARY_TEACHERS_SUMMARY =
      ProcessVariable.string("elementaryTeachersSummary");
  /** Timer {@code Timer_SchoolYearEnded}. */
  public static final ProcessVariable<Date> SCHOOL_YEAR_ENDS_AT = ProcessVariable.date("schoolYearEndsAt");
  /** Timer {@code Timer_BeforeCsEdWeek}; null when CS Education Week is outside the school year. */
  public static final ProcessVariable<Date> HOUR_OF_CODE_AT = ProcessVariable.date("hourOfCodeAt");
  public static final ProcessVariable<ElementaryPdPath> ELEMENTARY_PD_PATH =
      ProcessVariable.enumeration("elementaryPdPath", ElementaryPdPath.class);
  public static final ProcessVariable<String> AFFILIATE_TRAINER_NAME = ProcessVariable.string("affiliateTrainerName");
  public static final ProcessVariable<String> AFFILIATE_TRAINER_EMAIL = ProcessVariable.string("affiliateTrainerEmail");
  public static final ProcessVariable<LocalDate> TRAINER_TRAINED_ON = ProcessVariable.localDate("trainerTrainedOn");

  // --- evaluation and closing (out of program-evaluation; form decide-close-or-renew) ---

  public static final ProcessVariable<CloseDecision> EVALUATION_RECOMMENDATION =
      ProcessVariable.enumeration("evaluationRecommendation", CloseDecision.class);
  public static final ProcessVariable<CloseDecision> CLOSE_DECISION =
      ProcessVariable.enumeration("closeDecision", CloseDecision.class);

  // --- renewal (start path StartEvent_RenewalRequested; form review-renewal) ---

  /** The school year before, shown by "Review renewal". */
  public static final ProcessVariable<String> PREVIOUS_PARTNERSHIP_REFERENCE =
      ProcessVariable.string("previousPartnershipReference");
  /** What the district confirmed or changed, written with {@link #MESSAGE_RENEWAL_CONFIRMED} for the reviewer. */
  public static final ProcessVariable<String> RENEWAL_CHANGES = ProcessVariable.string("renewalChanges");
  public static final ProcessVariable<RenewalDecision> RENEWAL_DECISION =
      ProcessVariable.enumeration("renewalDecision", RenewalDecision.class);

  /** The application-screening result; the most severe finding of the decision table wins. */
  public enum ScreeningOutcome {
    ELIGIBLE, NEEDS_REVIEW, INELIGIBLE
  }

  /** {@code Gateway_ApplicationDecision}. */
  public enum ReviewDecision {
    ACCEPT, DECLINE, REQUEST_INFORMATION
  }

  /** {@code Gateway_PlanDecision}, as the reviewer chose it. */
  public enum PlanDecision {
    APPROVE, REVISE
  }

  /** {@code Gateway_EscalationDecision}. */
  public enum EscalationDecision {
    APPROVE, WITHDRAW
  }

  /** {@code Gateway_RenewalDecision}: the short review of a renewal. */
  public enum RenewalDecision {
    APPROVE, DECLINE
  }

  /** The evaluators' recommendation and the manager's decision at the end of the school year. */
  public enum CloseDecision {
    CLOSE, RENEW
  }

  /**
   * Former bean names, kept as Spring aliases because versions of this model deployed before the
   * beans took their elements' names still name them: current name → former name.
   */
  public static final Map<String, String> FORMER_BEAN_NAMES = Map.of(
      "storeTrainerTraining", "recordAffiliateTrainerTrained");

  private LifecycleProcess() {
  }

  /**
   * @throws IllegalStateException when the instance has no partnership yet (before
   *     {@code Task_RegisterApplication}): a modelling error, which becomes an incident
   */
  public static Long partnershipId(VariableScope scope) {
    return PARTNERSHIP_ID.require(scope);
  }
}
