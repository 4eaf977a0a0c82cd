package org.codeorg.partnerships.bench;

import java.util.ArrayList;
import java.util.List;

import org.codeorg.partnerships.application.PartnershipApplication;
import org.codeorg.partnerships.application.PartnershipApplication.ContactInfo;
import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.DistrictInfo;
import org.codeorg.partnerships.application.PartnershipApplication.LeaderInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TechnologyInfo;

/**
 * What each benchmarked district brings: a high school (ECS and CSP), a middle school (CS in
 * Algebra) and an elementary school (CSF), with {@code teachersPerCourse} teachers and
 * {@code sectionsPerCourse} sections of each course, and a counselor and a principal at the high
 * school. System properties {@code bench.teachersPerCourse} and {@code bench.sectionsPerCourse}.
 */
record Shape(int teachersPerCourse, int sectionsPerCourse) {

  /** Course, school and level of each offer. */
  static final List<String[]> OFFERS = List.of(new String[] {"ECS", "High", "HIGH"},
      new String[] {"CSP", "High", "HIGH"}, new String[] {"CS_ALGEBRA", "Middle", "MIDDLE"},
      new String[] {"CSF", "Elementary", "ELEMENTARY"});

  static Shape fromSystemProperties() {
    return new Shape(Integer.getInteger("bench.teachersPerCourse", 1), Integer.getInteger("bench.sectionsPerCourse", 1));
  }

  int teachers() {
    return teachersPerCourse * OFFERS.size();
  }

  int sections() {
    return sectionsPerCourse * OFFERS.size();
  }

  /** Teachers' courses in the order the application lists them. */
  List<String> teacherCourses() {
    List<String> courses = new ArrayList<>();
    for (String[] offer : OFFERS) {
      for (int t = 0; t < teachersPerCourse; t++) {
        courses.add(offer[0]);
      }
    }
    return courses;
  }

  PartnershipApplication application(int n, String schoolYear) {
    String nces = String.valueOf(1_000_000 + n);
    List<SchoolInfo> schools = List.of(new SchoolInfo("Bench High " + n, "HIGH"),
        new SchoolInfo("Bench Middle " + n, "MIDDLE"), new SchoolInfo("Bench Elementary " + n, "ELEMENTARY"));
    List<CourseOffer> courses = new ArrayList<>();
    List<TeacherInfo> teachers = new ArrayList<>();
    for (String[] offer : OFFERS) {
      String school = "Bench " + offer[1] + " " + n;
      courses.add(new CourseOffer(offer[0], school, sectionsPerCourse));
      for (int t = 0; t < teachersPerCourse; t++) {
        teachers.add(new TeacherInfo("Teacher " + offer[0] + " " + t, "t" + t + offer[0].toLowerCase() + n + "@k12.test",
            school, offer[0]));
      }
    }
    List<LeaderInfo> leaders = List.of(
        new LeaderInfo("Sam Cole", "scole" + n + "@k12.test", "Bench High " + n, "COUNSELOR"),
        new LeaderInfo("Pat Reyes", "preyes" + n + "@k12.test", "Bench High " + n, "PRINCIPAL"));
    return new PartnershipApplication(new DistrictInfo("Bench District " + n, nces, "CA"),
        new ContactInfo("Dana Chen", "dchen" + n + "@k12.test", "+1 555 0100"), schoolYear, schools, courses,
        teachers, leaders, new TechnologyInfo(true, 25));
  }
}
