package org.codeorg.partnerships.mail;

import java.util.Map;

/**
 * An email milestone: its templates ({@code templates/mail/<template>.html} and {@code .txt})
 * and its subject, in which {@code {reference}} is replaced by the partnership reference.
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
  ACCESS_LINK_REISSUED("access-link-reissued", "Code.org partnership {reference}: your new personal link");

  private final String template;
  private final String subjectPattern;

  Milestone(String template, String subjectPattern) {
    this.template = template;
    this.subjectPattern = subjectPattern;
  }

  public String template() {
    return template;
  }

  public String subject(Map<String, Object> model) {
    Object reference = model.get("reference");
    return subjectPattern.replace("{reference}", reference == null ? "" : reference.toString());
  }
}
