package org.codeorg.partnerships.partnership;

/** The courses of the partnership terms, each offered at one school level. */
public enum Course {
  ECS("Exploring Computer Science", SchoolLevel.HIGH),
  CSP("Computer Science Principles (AP)", SchoolLevel.HIGH),
  CS_ALGEBRA("Computer Science in Algebra", SchoolLevel.MIDDLE),
  CS_SCIENCE("Computer Science in Science", SchoolLevel.MIDDLE),
  CSF("Computer Science Fundamentals, Courses 1-4", SchoolLevel.ELEMENTARY);

  private final String title;
  private final SchoolLevel level;

  Course(String title, SchoolLevel level) {
    this.title = title;
    this.level = level;
  }

  public String title() {
    return title;
  }

  public SchoolLevel level() {
    return level;
  }
}
