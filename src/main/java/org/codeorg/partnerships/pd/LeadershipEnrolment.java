package org.codeorg.partnerships.pd;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A counselor's or principal's place in the Counselor/Administrator PD program. */
@Entity
@Table(name = "leadership_enrolment")
public class LeadershipEnrolment {

  public static final String ENROLLED = "ENROLLED";
  public static final String ATTENDED = "ATTENDED";
  public static final String ABSENT = "ABSENT";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leadership_enrolment_seq")
  @SequenceGenerator(name = "leadership_enrolment_seq", sequenceName = "leadership_enrolment_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(name = "leader_id", nullable = false)
  private Long leaderId;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private int hours;

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected LeadershipEnrolment() {
  }

  LeadershipEnrolment(Long partnershipId, Long leaderId, Instant now) {
    this.partnershipId = partnershipId;
    this.leaderId = leaderId;
    this.status = ENROLLED;
    this.enrolledAt = now;
  }

  void attended(int programHours, Instant now) {
    status = ATTENDED;
    hours = programHours;
    completedAt = now;
  }

  void absent(Instant now) {
    status = ABSENT;
    completedAt = now;
  }

  public Long getLeaderId() {
    return leaderId;
  }

  public String getStatus() {
    return status;
  }

  public int getHours() {
    return hours;
  }
}
