package org.codeorg.partnerships.mail;

import java.util.Map;

/**
 * An email milestone: its templates ({@code templates/mail/<template>.html} and {@code .txt})
 * and its subject, in which {@code {reference}} is replaced by the partnership reference.
 */
public enum Milestone {
  APPLICATION_RECEIVED("application-received", "We received your Code.org partnership application ({reference})");

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
