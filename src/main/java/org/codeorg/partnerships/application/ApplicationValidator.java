package org.codeorg.partnerships.application;

import org.codeorg.partnerships.common.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.LeaderInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.LeaderRole;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.springframework.stereotype.Component;

/** The intake rules: every violation is collected, so a district sees all its errors at once. */
@Component
public class ApplicationValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern NCES_ID = Pattern.compile("^\\d{7}$");
  private static final Pattern STATE = Pattern.compile("^[A-Z]{2}$");
  private static final Pattern SCHOOL_YEAR = Pattern.compile("^(\\d{4})-(\\d{4})$");
  private static final int MAX_TEXT = 200;
  private static final int MAX_SECTIONS_PER_COURSE = 50;

  public List<FieldViolation> validate(PartnershipApplication application) {
    List<FieldViolation> violations = new ArrayList<>();
    if (application == null) {
      violations.add(new FieldViolation("application", "is required"));
      return violations;
    }
    checkDistrict(application, violations);
    checkContact(application, violations);
    checkSchoolYear(application.schoolYear(), violations);
    Map<String, SchoolLevel> schoolLevels = checkSchools(application.schools(), violations);
    Map<String, String> offered = checkCourses(application.courses(), schoolLevels, violations);
    checkTeachers(application.teachers(), schoolLevels, offered, violations);
    checkLeaders(application.leaders(), schoolLevels, violations);
    checkTechnology(application, violations);
    return violations;
  }

  private void checkDistrict(PartnershipApplication a, List<FieldViolation> v) {
    if (a.district() == null) {
      v.add(new FieldViolation("district", "is required"));
      return;
    }
    requireText("district.name", a.district().name(), v);
    requirePattern("district.ncesId", a.district().ncesId(), NCES_ID, "must be the 7-digit NCES district id", v);
    requirePattern("district.state", a.district().state(), STATE, "must be a two-letter state code such as CA", v);
  }

  private void checkContact(PartnershipApplication a, List<FieldViolation> v) {
    if (a.contact() == null) {
      v.add(new FieldViolation("contact", "is required"));
      return;
    }
    requireText("contact.name", a.contact().name(), v);
    requireEmail("contact.email", a.contact().email(), v);
    if (a.contact().phone() != null && a.contact().phone().length() > 40) {
      v.add(new FieldViolation("contact.phone", "must be at most 40 characters"));
    }
  }

  private void checkSchoolYear(String schoolYear, List<FieldViolation> v) {
    var matcher = schoolYear == null ? null : SCHOOL_YEAR.matcher(schoolYear);
    if (matcher == null || !matcher.matches()
        || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
      v.add(new FieldViolation("schoolYear", "must be two consecutive years such as 2027-2028"));
    }
  }

  private Map<String, SchoolLevel> checkSchools(List<SchoolInfo> schools, List<FieldViolation> v) {
    Map<String, SchoolLevel> levels = new HashMap<>();
    if (schools.isEmpty()) {
      v.add(new FieldViolation("schools", "must name at least one school"));
    }
    for (int i = 0; i < schools.size(); i++) {
      SchoolInfo school = schools.get(i);
      String path = "schools[" + i + "]";
      if (school == null) {
        v.add(new FieldViolation(path, "is required"));
        continue;
      }
      boolean named = requireText(path + ".name", school.name(), v);
      Optional<SchoolLevel> level = parse(SchoolLevel.class, school.level());
      if (level.isEmpty()) {
        v.add(new FieldViolation(path + ".level", "must be one of " + Arrays.toString(SchoolLevel.values())));
      }
      if (named && levels.containsKey(key(school.name()))) {
        v.add(new FieldViolation(path + ".name", "names a school twice"));
      } else if (named) {
        levels.put(key(school.name()), level.orElse(null));
      }
    }
    return levels;
  }

  /** Returns the offers as key (school|course) to a label a district recognises. */
  private Map<String, String> checkCourses(List<CourseOffer> courses, Map<String, SchoolLevel> levels,
      List<FieldViolation> v) {
    Map<String, String> offered = new LinkedHashMap<>();
    if (courses.isEmpty()) {
      v.add(new FieldViolation("courses", "must offer at least one course of the partnership terms"));
    }
    for (int i = 0; i < courses.size(); i++) {
      CourseOffer offer = courses.get(i);
      String path = "courses[" + i + "]";
      if (offer == null) {
        v.add(new FieldViolation(path, "is required"));
        continue;
      }
      Optional<Course> course = parse(Course.class, offer.course());
      if (course.isEmpty()) {
        v.add(new FieldViolation(path + ".course", "must be one of " + Arrays.toString(Course.values())));
      }
      boolean schoolKnown = checkSchoolReference(path + ".school", offer.school(), levels, v);
      if (course.isPresent() && schoolKnown) {
        SchoolLevel level = levels.get(key(offer.school()));
        if (level != null && level != course.get().level()) {
          v.add(new FieldViolation(path + ".course", course.get() + " is a " + course.get().level().name().toLowerCase(Locale.ROOT)
              + " school course, but " + offer.school() + " is a " + level.name().toLowerCase(Locale.ROOT) + " school"));
        }
        offered.put(key(offer.school()) + "|" + course.get(), course.get() + " at " + offer.school().trim());
      }
      if (offer.sections() == null || offer.sections() < 1 || offer.sections() > MAX_SECTIONS_PER_COURSE) {
        v.add(new FieldViolation(path + ".sections", "must be between 1 and " + MAX_SECTIONS_PER_COURSE));
      }
    }
    return offered;
  }

  private void checkTeachers(List<TeacherInfo> teachers, Map<String, SchoolLevel> levels, Map<String, String> offered,
      List<FieldViolation> v) {
    Set<String> taught = new HashSet<>();
    for (int i = 0; i < teachers.size(); i++) {
      TeacherInfo teacher = teachers.get(i);
      String path = "teachers[" + i + "]";
      if (teacher == null) {
        v.add(new FieldViolation(path, "is required"));
        continue;
      }
      requireText(path + ".name", teacher.name(), v);
      requireEmail(path + ".email", teacher.email(), v);
      boolean schoolKnown = checkSchoolReference(path + ".school", teacher.school(), levels, v);
      Optional<Course> course = parse(Course.class, teacher.course());
      if (course.isEmpty()) {
        v.add(new FieldViolation(path + ".course", "must be one of " + Arrays.toString(Course.values())));
      } else if (schoolKnown) {
        String offer = key(teacher.school()) + "|" + course.get();
        if (!offered.containsKey(offer)) {
          v.add(new FieldViolation(path + ".course", course.get() + " is not offered at " + teacher.school()));
        }
        taught.add(offer);
      }
    }
    offered.forEach((offer, label) -> {
      if (!taught.contains(offer)) {
        v.add(new FieldViolation("teachers", "no teacher for " + label));
      }
    });
  }

  private void checkLeaders(List<LeaderInfo> leaders, Map<String, SchoolLevel> levels, List<FieldViolation> v) {
    for (int i = 0; i < leaders.size(); i++) {
      LeaderInfo leader = leaders.get(i);
      String path = "leaders[" + i + "]";
      if (leader == null) {
        v.add(new FieldViolation(path, "is required"));
        continue;
      }
      requireText(path + ".name", leader.name(), v);
      requireEmail(path + ".email", leader.email(), v);
      checkSchoolReference(path + ".school", leader.school(), levels, v);
      if (parse(LeaderRole.class, leader.role()).isEmpty()) {
        v.add(new FieldViolation(path + ".role", "must be one of " + Arrays.toString(LeaderRole.values())));
      }
    }
  }

  private void checkTechnology(PartnershipApplication a, List<FieldViolation> v) {
    if (a.technology() == null) {
      v.add(new FieldViolation("technology", "is required"));
      return;
    }
    if (a.technology().oneToOneComputing() == null) {
      v.add(new FieldViolation("technology.oneToOneComputing", "is required"));
    }
    Integer bandwidth = a.technology().bandwidthMbps();
    if (bandwidth == null || bandwidth < 0 || bandwidth > 100_000) {
      v.add(new FieldViolation("technology.bandwidthMbps", "must be between 0 and 100000 Mb/s"));
    }
  }

  private boolean checkSchoolReference(String path, String school, Map<String, SchoolLevel> levels,
      List<FieldViolation> v) {
    if (!requireText(path, school, v)) {
      return false;
    }
    if (!levels.containsKey(key(school))) {
      v.add(new FieldViolation(path, "names a school that is not listed in schools: " + school));
      return false;
    }
    return true;
  }

  private static boolean requireText(String field, String value, List<FieldViolation> v) {
    if (value == null || value.isBlank()) {
      v.add(new FieldViolation(field, "is required"));
      return false;
    }
    if (value.length() > MAX_TEXT) {
      v.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
      return false;
    }
    return true;
  }

  private static void requireEmail(String field, String value, List<FieldViolation> v) {
    if (value == null || value.isBlank()) {
      v.add(new FieldViolation(field, "is required"));
    } else if (value.length() > 320 || !EMAIL.matcher(value).matches()) {
      v.add(new FieldViolation(field, "must be an email address"));
    }
  }

  private static void requirePattern(String field, String value, Pattern pattern, String message,
      List<FieldViolation> v) {
    if (value == null || !pattern.matcher(value).matches()) {
      v.add(new FieldViolation(field, message));
    }
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code.trim())).findFirst();
  }

  private static String key(String schoolName) {
    return schoolName.trim().toLowerCase(Locale.ROOT);
  }
}
