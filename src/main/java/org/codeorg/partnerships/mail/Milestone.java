package org.codeorg.partnerships.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email milestone: its templates ({@code templates/mail/<template>.html} and {@code .txt})
 * and its subject, in which {@code {name}} is replaced by the model's value of that name.
 */
public enum Milestone {
  APPLICATION_RECEIVED("application-received", "We received your Code.org partnership application ({reference})"),
  INFORMATION_REQUESTED("information-requested", "Code.org partnership {reference}: we need more information"),
  INFORMATION_REMINDER("information-reminder", "Reminder: Code.org partnership {reference} is waiting for your information"),
  APPLICATION_WITHDRAWN("application-withdrawn", "Code.org partnership application {reference} withdrawn"),
  APPLICATION_DECLINED("application-declined", "Your Code.org partnership application {reference}"),
  APPLICATION_ACCEPTED("application-accepted", "Welcome to the Code.org partnership program ({reference}): the partnership terms"),
  SIGNATURE_REMINDER("signature-reminder", "Reminder: please sign the Code.org partnership agreement ({reference})"),
  PLAN_REQUESTED("plan-requested", "Code.org partnership {reference}: your comprehensive plan"),
  PLAN_REVISION_REQUESTED("plan-revision-requested", "Code.org partnership {reference}: please revise your comprehensive plan"),
  PLAN_APPROVED("plan-approved", "Code.org partnership {reference}: comprehensive plan approved"),
  REVIEW_OVERDUE("review-overdue", "Overdue: review of partnership application {reference}"),
  ACCESS_LINK_REISSUED("access-link-reissued", "Code.org partnership {reference}: your new personal link"),
  PD_COMMITMENT_REQUESTED("pd-commitment-requested", "Code.org partnership {reference}: please confirm {teacherName} will teach {courseTitle}"),
  TEACHER_PD_ENROLLED("teacher-pd-enrolled", "Your Code.org professional development for {courseTitle}"),
  PD_ONLINE_ACCESS("pd-online-access", "Your access to Code.org's online professional development"),
  PD_WORKSHOP_ENROLLED("pd-workshop-enrolled", "You are enrolled: {workshopTitle}"),
  PD_WORKSHOP_WAITLISTED("pd-workshop-waitlisted", "Waitlisted: {workshopTitle}"),
  PD_WORKSHOP_REMINDER("pd-workshop-reminder", "Reminder: {workshopTitle} starts in {daysBefore} days"),
  PD_WORKSHOP_RESCHEDULED("pd-workshop-rescheduled", "New dates: {workshopTitle}"),
  PD_WORKSHOP_CANCELLED("pd-workshop-cancelled", "Cancelled: {workshopTitle}"),
  PD_WORKSHOP_SESSIONS_DROPPED("pd-workshop-sessions-dropped", "Sessions no longer taking place: {workshopTitle}"),
  PD_WORKSHOP_SEAT_RELEASED("pd-workshop-seat-released", "Seat given up: {workshopTitle}"),
  PD_WORKSHOP_FACILITATOR_ASSIGNED("pd-workshop-facilitator-assigned", "You facilitate: {workshopTitle}"),
  PD_WORKSHOP_ORDER_CANCELLED("pd-workshop-order-cancelled", "Cancelled: order for workshop {workshopReference}"),
  PD_WORKSHOP_ORDER("pd-workshop-order", "Order for workshop {workshopReference}: materials and meals"),
  PD_WORKSHOP_CLOSE_REMINDER("pd-workshop-close-reminder", "Please close workshop {workshopReference}"),
  PD_EXIT_SURVEY("pd-exit-survey", "How was {workshopTitle}? A short survey"),
  PD_PHASE_COMPLETED("pd-phase-completed", "Phase completed: {phaseName}"),
  PD_MAKE_UP_SCHEDULED("pd-make-up", "Make-up arranged: {phaseName}"),
  PD_TEACHER_WITHDRAWN("pd-teacher-withdrawn", "Code.org partnership {reference}: {teacherName} withdrawn from professional development"),
  PD_CERTIFICATE("pd-certificate", "Your Code.org professional development certificate: {totalHours} hours"),
  LEADERSHIP_PD_ENROLLED("leadership-pd-enrolled", "Code.org Counselor/Administrator professional development"),
  LEADERSHIP_PD_COMPLETED("leadership-pd-completed", "Thank you: Code.org Counselor/Administrator professional development completed"),
  AFFILIATE_TRAINER_ENROLLED("affiliate-trainer-enrolled", "Code.org affiliate trainer training for {districtName}"),
  CLASSROOM_SETUP_CHECKLIST("classroom-setup-checklist", "Code.org partnership {reference}: set up {sectionLabel}"),
  CLASSROOM_SETUP_OVERDUE("classroom-setup-overdue", "Overdue: set-up of {sectionLabel} ({reference})"),
  CLASSROOM_NOT_READY("classroom-not-ready", "Code.org partnership {reference}: {sectionLabel} is not ready yet"),
  SECTION_DROPPED("section-dropped", "Code.org partnership {reference}: {sectionLabel} will not be offered"),
  MARKETING_KIT("marketing-kit", "Code.org partnership {reference}: your marketing kit"),
  HOUR_OF_CODE("hour-of-code", "Hour of Code materials for Computer Science Education Week ({reference})"),
  TEACHER_LEADER_NOMINATIONS("teacher-leader-nominations", "Code.org partnership {reference}: nominate your teacher leaders"),
  EVALUATION_DATA_REQUEST("evaluation-data-request", "Code.org partnership {reference}: your data for the program evaluation"),
  EVALUATION_DATA_REMINDER("evaluation-data-reminder", "Reminder: data for the program evaluation ({reference})"),
  EVALUATION_REPORT("evaluation-report", "Code.org partnership {reference}: program evaluation report"),
  PARTNERSHIP_CLOSED("partnership-closed", "Code.org partnership {reference} is complete"),
  RENEWAL_CONFIRMATION_REQUESTED("renewal-confirmation-requested", "Code.org partnership {reference}: confirm your teachers and sections for {schoolYear}"),
  PLAN_UPDATE_REQUESTED("plan-update-requested", "Code.org partnership {reference}: update your comprehensive plan for {schoolYear}");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final String template;
  private final String subjectPattern;

  Milestone(String template, String subjectPattern) {
    this.template = template;
    this.subjectPattern = subjectPattern;
  }

  public String template() {
    return template;
  }

  /** The subject with every {@code {name}} replaced by the model's value (empty when missing). */
  public String subject(Map<String, Object> model) {
    return PLACEHOLDER.matcher(subjectPattern).replaceAll(match -> {
      Object value = model.get(match.group(1));
      return Matcher.quoteReplacement(value == null ? "" : value.toString());
    });
  }
}
