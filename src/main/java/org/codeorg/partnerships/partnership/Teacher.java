package org.codeorg.partnerships.partnership;

import java.time.Instant;

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

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "pd_status", nullable = false)
  private TeacherPdStatus pdStatus = TeacherPdStatus.NOT_STARTED;

  /** When the district guaranteed that this teacher teaches the course in the coming school year. */
  @Column(name = "committed_at")
  private Instant committedAt;

  @Column(name = "pd_completed_at")
  private Instant pdCompletedAt;

  @Column(name = "certificate_number")
  private String certificateNumber;

  /** The certificate's verification code (128 random bits, base64url), opened at {@code /certificates/{code}}. */
  @Column(name = "certificate_code")
  private String certificateCode;

  /** The hours the certificate states. */
  @Column(name = "certificate_hours")
  private Integer certificateHours;

  /** The teacher's professional-development instance, which the district's and the PD environment's reports go to. */
  @Column(name = "pd_process_instance_id")
  private String pdProcessInstanceId;

  protected Teacher() {
  }

  Teacher(Partnership partnership, School school, String name, String email, Course course) {
    this.partnership = partnership;
    this.school = school;
    this.name = name;
    this.email = email;
    this.course = course;
  }

  public void attachPdProcess(String processInstanceId) {
    this.pdProcessInstanceId = processInstanceId;
  }

  /** @return null for a teacher whose PD started before this was recorded */
  public String getPdProcessInstanceId() {
    return pdProcessInstanceId;
  }

  public void awaitCommitment() {
    this.pdStatus = TeacherPdStatus.AWAITING_COMMITMENT;
    this.committedAt = null;
  }

  public void commit(Instant now) {
    this.pdStatus = TeacherPdStatus.IN_PROGRESS;
    this.committedAt = now;
  }

  /** Another teacher takes this place in the partnership (the original did not commit). */
  public void replaceWith(String newName, String newEmail) {
    this.name = newName;
    this.email = newEmail;
    awaitCommitment();
  }

  /**
   * PD completed: the certificate's number, its verification code and the hours it states. A retried
   * step keeps the code already issued (the PDF in the first email stays valid).
   */
  public void completePd(String certificate, String verificationCode, int hours, Instant now) {
    this.pdStatus = TeacherPdStatus.COMPLETED;
    this.certificateNumber = certificate;
    if (this.certificateCode == null) {
      this.certificateCode = verificationCode;
    }
    this.certificateHours = hours;
    this.pdCompletedAt = now;
  }

  /** @return null until the certificate is issued */
  public String getCertificateCode() {
    return certificateCode;
  }

  /** @return null until the certificate is issued */
  public Integer getCertificateHours() {
    return certificateHours;
  }

  /** @return null until PD is completed */
  public Instant getPdCompletedAt() {
    return pdCompletedAt;
  }

  public void withdrawFromPd() {
    this.pdStatus = TeacherPdStatus.WITHDRAWN;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public TeacherPdStatus getPdStatus() {
    return pdStatus;
  }

  public Instant getCommittedAt() {
    return committedAt;
  }


  public String getCertificateNumber() {
    return certificateNumber;
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
