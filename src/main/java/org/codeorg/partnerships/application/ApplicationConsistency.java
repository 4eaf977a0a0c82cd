package org.codeorg.partnerships.application;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.LeaderInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.common.OneOfValidator;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.SchoolLevel;

/** Checks {@link ConsistentApplication}; schools are matched by name, trimmed and case-insensitively. */
public class ApplicationConsistency implements ConstraintValidator<ConsistentApplication, PartnershipApplication> {

  @Override
  public boolean isValid(PartnershipApplication application, ConstraintValidatorContext context) {
    if (application == null) {
      return true;
    }
    Report report = new Report(context);
    Map<String, SchoolLevel> levels = schools(application.schools(), report);
    Map<String, String> offered = courses(application.courses(), levels, report);
    teachers(application.teachers(), levels, offered, report);
    List<LeaderInfo> leaders = application.leaders();
    for (int i = 0; i < leaders.size(); i++) {
      if (leaders.get(i) != null) {
        knownSchool("leaders", i, leaders.get(i).school(), levels, report);
      }
    }
    return report.valid;
  }

  /** Each validly named school (the first of a repeated name) with its level, or null when the level is wrong. */
  private static Map<String, SchoolLevel> schools(List<SchoolInfo> schools, Report report) {
    Map<String, SchoolLevel> levels = new HashMap<>();
    for (int i = 0; i < schools.size(); i++) {
      SchoolInfo school = schools.get(i);
      if (school == null || !validText(school.name())) {
        continue;
      }
      if (levels.containsKey(key(school.name()))) {
        report.at("schools", i, "name", "names a school twice");
      } else {
        levels.put(key(school.name()), OneOfValidator.parse(SchoolLevel.class, school.level()).orElse(null));
      }
    }
    return levels;
  }

  /** Returns the offers as key (school|course) to a label a district recognises. */
  private static Map<String, String> courses(List<CourseOffer> courses, Map<String, SchoolLevel> levels, Report report) {
    Map<String, String> offered = new LinkedHashMap<>();
    for (int i = 0; i < courses.size(); i++) {
      CourseOffer offer = courses.get(i);
      if (offer == null) {
        continue;
      }
      Optional<Course> course = OneOfValidator.parse(Course.class, offer.course());
      if (knownSchool("courses", i, offer.school(), levels, report) && course.isPresent()) {
        SchoolLevel level = levels.get(key(offer.school()));
        if (level != null && level != course.get().level()) {
          report.at("courses", i, "course", course.get() + " is a " + lower(course.get().level()) + " school course, but "
              + offer.school() + " is a " + lower(level) + " school");
        }
        offered.put(key(offer.school()) + "|" + course.get(), course.get() + " at " + offer.school().trim());
      }
    }
    return offered;
  }

  private static void teachers(List<TeacherInfo> teachers, Map<String, SchoolLevel> levels, Map<String, String> offered,
      Report report) {
    Set<String> taught = new HashSet<>();
    Map<String, Integer> emails = new HashMap<>();
    for (int i = 0; i < teachers.size(); i++) {
      TeacherInfo teacher = teachers.get(i);
      if (teacher == null) {
        continue;
      }
      if (teacher.email() != null && !teacher.email().isBlank()) {
        Integer first = emails.putIfAbsent(key(teacher.email()), i);
        if (first != null) {
          // Each teacher has a PD instance, a certificate and emails of their own: one person, one row.
          report.at("teachers", i, "email", "is the same as teacher " + (first + 1) + "'s email; each teacher once");
        }
      }
      boolean schoolKnown = knownSchool("teachers", i, teacher.school(), levels, report);
      Optional<Course> course = OneOfValidator.parse(Course.class, teacher.course());
      if (course.isPresent() && schoolKnown) {
        String offer = key(teacher.school()) + "|" + course.get();
        if (!offered.containsKey(offer)) {
          report.at("teachers", i, "course", course.get() + " is not offered at " + teacher.school());
        }
        taught.add(offer);
      }
    }
    offered.forEach((offer, label) -> {
      if (!taught.contains(offer)) {
        report.on("teachers", "no teacher for " + label);
      }
    });
  }

  /** A valid school name that is not among the listed schools is a violation; an invalid one is reported by its field. */
  private static boolean knownSchool(String list, int index, String school, Map<String, SchoolLevel> levels,
      Report report) {
    if (!validText(school)) {
      return false;
    }
    if (!levels.containsKey(key(school))) {
      report.at(list, index, "school", "names a school that is not listed in schools: " + school);
      return false;
    }
    return true;
  }

  private static boolean validText(String value) {
    return value != null && !value.isBlank() && value.length() <= PartnershipApplication.MAX_TEXT;
  }

  private static String key(String schoolName) {
    return schoolName.trim().toLowerCase(Locale.ROOT);
  }

  private static String lower(SchoolLevel level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  private static final class Report {

    private final ConstraintValidatorContext context;
    private boolean valid = true;

    Report(ConstraintValidatorContext context) {
      this.context = context;
      context.disableDefaultConstraintViolation();
    }

    void at(String list, int index, String field, String message) {
      valid = false;
      context.buildConstraintViolationWithTemplate(FieldViolations.literal(message))
          .addPropertyNode(list).addPropertyNode(field).inIterable().atIndex(index).addConstraintViolation();
    }

    void on(String field, String message) {
      valid = false;
      context.buildConstraintViolationWithTemplate(FieldViolations.literal(message)).addPropertyNode(field)
          .addConstraintViolation();
    }
  }
}
