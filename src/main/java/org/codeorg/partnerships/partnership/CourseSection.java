package org.codeorg.partnerships.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One section of a course at one school: the unit that classroom set-up works on. */
@Entity
@Table(name = "course_section")
public class CourseSection {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_section_seq")
  @SequenceGenerator(name = "course_section_seq", sequenceName = "course_section_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partnership_id")
  private Partnership partnership;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Course course;

  @Column(name = "section_number", nullable = false)
  private int sectionNumber;

  protected CourseSection() {
  }

  CourseSection(Partnership partnership, School school, Course course, int sectionNumber) {
    this.partnership = partnership;
    this.school = school;
    this.course = course;
    this.sectionNumber = sectionNumber;
  }

  public Long getId() {
    return id;
  }

  public School getSchool() {
    return school;
  }

  public Course getCourse() {
    return course;
  }

  public int getSectionNumber() {
    return sectionNumber;
  }
}
