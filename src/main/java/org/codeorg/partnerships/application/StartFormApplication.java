package org.codeorg.partnerships.application;

import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.application.PartnershipApplication.ContactInfo;
import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.DistrictInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TechnologyInfo;

/**
 * The fields of the Tasklist start form "Submit application" ({@code forms/submit-application.form}):
 * a flat application with one school, one course and one teacher, as staff key in an application
 * received by mail. Larger applications come through {@code POST /api/applications}.
 */
public final class StartFormApplication {

  public static final List<String> FIELDS = List.of(
      "districtName", "districtNcesId", "districtState",
      "contactName", "contactEmail", "contactPhone",
      "schoolYear", "schoolName", "schoolLevel", "course", "sections",
      "teacherName", "teacherEmail", "oneToOneComputing", "bandwidthMbps");

  private StartFormApplication() {
  }

  public static PartnershipApplication from(Map<String, Object> variables) {
    String school = text(variables, "schoolName");
    String course = text(variables, "course");
    return new PartnershipApplication(
        new DistrictInfo(text(variables, "districtName"), text(variables, "districtNcesId"),
            text(variables, "districtState")),
        new ContactInfo(text(variables, "contactName"), text(variables, "contactEmail"),
            text(variables, "contactPhone")),
        text(variables, "schoolYear"),
        List.of(new SchoolInfo(school, text(variables, "schoolLevel"))),
        List.of(new CourseOffer(course, school, integer(variables, "sections"))),
        List.of(new TeacherInfo(text(variables, "teacherName"), text(variables, "teacherEmail"), school, course)),
        List.of(),
        new TechnologyInfo(bool(variables, "oneToOneComputing"), integer(variables, "bandwidthMbps")));
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString().trim();
  }

  /** Tasklist submits numbers as Long or Double, and a cleared field as null. */
  private static Integer integer(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
      return Integer.parseInt(s.trim());
    }
    return null;
  }

  private static Boolean bool(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? Boolean.FALSE : Boolean.valueOf(value.toString().trim());
  }
}
