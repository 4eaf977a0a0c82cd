package org.codeorg.partnerships.evaluation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.codeorg.partnerships.partnership.Course;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "evaluation_course_result")
public class EvaluationCourseResult {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_course_result_seq")
  @SequenceGenerator(name = "evaluation_course_result_seq", sequenceName = "evaluation_course_result_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Course course;

  @Column(name = "sections_taught", nullable = false)
  private int sectionsTaught;

  @Column(name = "students_enrolled", nullable = false)
  private int studentsEnrolled;

  @Column(name = "students_completed", nullable = false)
  private int studentsCompleted;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  protected EvaluationCourseResult() {
  }

  EvaluationCourseResult(Long partnershipId, CourseResult result, Instant now) {
    this.partnershipId = partnershipId;
    this.course = result.course();
    update(result, now);
  }

  void update(CourseResult result, Instant now) {
    this.sectionsTaught = result.sectionsTaught();
    this.studentsEnrolled = result.studentsEnrolled();
    this.studentsCompleted = result.studentsCompleted();
    this.submittedAt = now;
  }

  public CourseResult result() {
    return new CourseResult(course, sectionsTaught, studentsEnrolled, studentsCompleted);
  }

  public Course getCourse() {
    return course;
  }
}
