package org.codeorg.partnerships.application;

import static org.codeorg.partnerships.lifecycle.LifecycleProcess.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.codeorg.partnerships.application.PartnershipApplication.ContactInfo;
import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.DistrictInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TechnologyInfo;
import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * The fields of the Tasklist start form "Submit application" ({@code forms/submit-application.form}):
 * a flat application with one school, one course and one teacher, as staff key in an application
 * received by mail. Larger applications come through {@code POST /api/applications}.
 */
public final class StartFormApplication {

  /** The form's fields, removed once the application is registered. */
  public static final List<String> FIELDS = Stream.of(
      DISTRICT_NAME, DISTRICT_NCES_ID, DISTRICT_STATE,
      CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE,
      SCHOOL_YEAR, SCHOOL_NAME, SCHOOL_LEVEL, COURSE, SECTIONS,
      TEACHER_NAME, TEACHER_EMAIL, ONE_TO_ONE_COMPUTING, BANDWIDTH_MBPS).map(ProcessVariable::name).toList();

  private StartFormApplication() {
  }

  public static PartnershipApplication from(Map<String, Object> variables) {
    String school = text(variables, SCHOOL_NAME);
    String course = text(variables, COURSE);
    return new PartnershipApplication(
        new DistrictInfo(text(variables, DISTRICT_NAME), text(variables, DISTRICT_NCES_ID),
            text(variables, DISTRICT_STATE)),
        new ContactInfo(text(variables, CONTACT_NAME), text(variables, CONTACT_EMAIL),
            text(variables, CONTACT_PHONE)),
        text(variables, SCHOOL_YEAR),
        List.of(new SchoolInfo(school, text(variables, SCHOOL_LEVEL))),
        List.of(new CourseOffer(course, school, integer(variables, SECTIONS))),
        List.of(new TeacherInfo(text(variables, TEACHER_NAME), text(variables, TEACHER_EMAIL), school, course)),
        List.of(),
        new TechnologyInfo(bool(variables, ONE_TO_ONE_COMPUTING), integer(variables, BANDWIDTH_MBPS)));
  }

  /**
   * The text the form submitted, trimmed of spaces (checked afterwards like an API application, so a
   * bad code is a field error, and a control character at either end is refused, not dropped).
   */
  private static String text(Map<String, Object> variables, ProcessVariable<?> field) {
    Object value = variables.get(field.name());
    return value == null ? null : ControlCharacters.trimSpaces(value.toString());
  }

  /** Tasklist submits numbers as Long or Double, and a cleared field as null. */
  private static Integer integer(Map<String, Object> variables, ProcessVariable<Integer> field) {
    Object value = variables.get(field.name());
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
      return Integer.parseInt(s.trim());
    }
    return null;
  }

  private static Boolean bool(Map<String, Object> variables, ProcessVariable<Boolean> field) {
    Object value = variables.get(field.name());
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? Boolean.FALSE : Boolean.valueOf(value.toString().trim());
  }
}
