package org.codeorg.partnerships.evaluation;

import org.codeorg.partnerships.partnership.Course;

/** What the district reports for one course after the school year. */
public record CourseResult(Course course, int sectionsTaught, int studentsEnrolled, int studentsCompleted) {
}
