package org.codeorg.partnerships.application;

import java.util.List;

/**
 * A district's application, in the shape of the HTTP contract (DESIGN 5). Codes (course, school
 * level, leader role) stay strings here so that a wrong code is reported as a field error
 * instead of failing to parse.
 */
public record PartnershipApplication(
    DistrictInfo district,
    ContactInfo contact,
    String schoolYear,
    List<SchoolInfo> schools,
    List<CourseOffer> courses,
    List<TeacherInfo> teachers,
    List<LeaderInfo> leaders,
    TechnologyInfo technology) {

  public PartnershipApplication {
    schools = schools == null ? List.of() : List.copyOf(schools);
    courses = courses == null ? List.of() : List.copyOf(courses);
    teachers = teachers == null ? List.of() : List.copyOf(teachers);
    leaders = leaders == null ? List.of() : List.copyOf(leaders);
  }

  public record DistrictInfo(String name, String ncesId, String state) {
  }

  public record ContactInfo(String name, String email, String phone) {
  }

  public record SchoolInfo(String name, String level) {
  }

  public record CourseOffer(String course, String school, Integer sections) {
  }

  public record TeacherInfo(String name, String email, String school, String course) {
  }

  public record LeaderInfo(String name, String email, String school, String role) {
  }

  public record TechnologyInfo(Boolean oneToOneComputing, Integer bandwidthMbps) {
  }
}
