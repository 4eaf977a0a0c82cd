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

@Entity
@Table(name = "teacher")
public class Teacher {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "teacher_seq")
  @SequenceGenerator(name = "teacher_seq", sequenceName = "teacher_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partnership_id")
  private Partnership partnership;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "school_id")
  private School school;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String email;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Course course;

  protected Teacher() {
  }

  Teacher(Partnership partnership, School school, String name, String email, Course course) {
    this.partnership = partnership;
    this.school = school;
    this.name = name;
    this.email = email;
    this.course = course;
  }

  public Long getId() {
    return id;
  }

  public School getSchool() {
    return school;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Course getCourse() {
    return course;
  }
}
