package org.codeorg.partnerships.partnership;

import java.time.LocalDate;

/** School years are written "2027-2028" and start on 1 August of their first year. */
public final class SchoolYears {

  private SchoolYears() {
  }

  public static LocalDate start(String schoolYear) {
    return LocalDate.of(Integer.parseInt(schoolYear.substring(0, 4)), 8, 1);
  }

  /** The school year ends on 30 June of its second year. */
  public static LocalDate end(String schoolYear) {
    return LocalDate.of(Integer.parseInt(schoolYear.substring(0, 4)) + 1, 6, 30);
  }

  /** "2027-2028" → "2028-2029". */
  public static String next(String schoolYear) {
    int first = Integer.parseInt(schoolYear.substring(0, 4)) + 1;
    return first + "-" + (first + 1);
  }
}
