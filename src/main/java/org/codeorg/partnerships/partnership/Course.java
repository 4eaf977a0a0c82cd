package org.codeorg.partnerships.partnership;

/** The courses of the partnership terms, each offered at one school level. */
public enum Course {
  ECS("Exploring Computer Science", SchoolLevel.HIGH,
      "building blocks, poster-sized post-it notes and printed workbooks for the teacher"),
  CSP("Computer Science Principles (AP)", SchoolLevel.HIGH,
      "printed workbooks for the teacher and supplies for the unplugged activities"),
  CS_ALGEBRA("Computer Science in Algebra", SchoolLevel.MIDDLE, "printed workbooks for the teacher and graph paper"),
  CS_SCIENCE("Computer Science in Science", SchoolLevel.MIDDLE, "printed workbooks for the teacher"),
  CSF("Computer Science Fundamentals, Courses 1-4", SchoolLevel.ELEMENTARY,
      "supplies for the unplugged activities (paper, cards, markers)");

  private final String title;
  private final SchoolLevel level;
  private final String materials;

  Course(String title, SchoolLevel level, String materials) {
    this.title = title;
    this.level = level;
    this.materials = materials;
  }

  /** What a section needs in the classroom (partnership terms, "Set up classrooms for success"). */
  public String materials() {
    return materials;
  }

  /** ECS and CSP materials are expected to cost less than $100 per class. */
  public boolean hasMaterialsCostLimit() {
    return this == ECS || this == CSP;
  }

  public String title() {
    return title;
  }

  public SchoolLevel level() {
    return level;
  }
}
