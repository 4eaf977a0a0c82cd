package org.codeorg.partnerships.partnership;

import java.math.BigDecimal;
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

  @Column(name = "time_slot")
  private String timeSlot;

  private String room;

  @Column(name = "course_code")
  private String courseCode;

  @Column(name = "one_to_one_computing")
  private Boolean oneToOneComputing;

  @Column(name = "bandwidth_mbps")
  private Integer bandwidthMbps;

  @Column(name = "materials_ready")
  private Boolean materialsReady;

  @Column(name = "materials_cost", precision = 10, scale = 2)
  private BigDecimal materialsCost;

  /** The partnership manager who approved materials over the expected cost. */
  @Column(name = "cost_approved_by")
  private String costApprovedBy;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private SectionReadiness readiness = SectionReadiness.NOT_REPORTED;

  @Column(name = "readiness_reasons")
  private String readinessReasons;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "ready_at")
  private Instant readyAt;

  /** The section's set-up instance, which the district's set-up facts go to. */
  @Column(name = "setup_process_instance_id")
  private String setupProcessInstanceId;

  /** The set-up facts a district reports for a section. */
  public record SetupFacts(String timeSlot, String room, String courseCode, boolean oneToOneComputing,
      int bandwidthMbps, boolean materialsReady, BigDecimal materialsCostPerClass) {
  }

  protected CourseSection() {
  }

  CourseSection(Partnership partnership, School school, Course course, int sectionNumber) {
    this.partnership = partnership;
    this.school = school;
    this.course = course;
    this.sectionNumber = sectionNumber;
  }

  public void report(SetupFacts facts, Instant now) {
    this.timeSlot = facts.timeSlot();
    this.room = facts.room();
    this.courseCode = facts.courseCode();
    this.oneToOneComputing = facts.oneToOneComputing();
    this.bandwidthMbps = facts.bandwidthMbps();
    this.materialsReady = facts.materialsReady();
    this.materialsCost = facts.materialsCostPerClass();
    this.reportedAt = now;
  }

  public SetupFacts facts() {
    return reportedAt == null ? null : new SetupFacts(timeSlot, room, courseCode, Boolean.TRUE.equals(oneToOneComputing),
        bandwidthMbps == null ? 0 : bandwidthMbps, Boolean.TRUE.equals(materialsReady), materialsCost);
  }

  public void approveCost(String manager) {
    this.costApprovedBy = manager;
  }

  public void judge(SectionReadiness result, String reasons, Instant now) {
    this.readiness = result;
    this.readinessReasons = reasons;
    if (result == SectionReadiness.READY) {
      this.readyAt = now;
    }
  }

  /** "CSP section 2 at Springfield High" */
  public void attachSetupProcess(String processInstanceId) {
    this.setupProcessInstanceId = processInstanceId;
  }

  /** @return null for a section whose set-up started before this was recorded */
  public String getSetupProcessInstanceId() {
    return setupProcessInstanceId;
  }

  public String label() {
    return course.name() + " section " + sectionNumber + " at " + school.getName();
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public String getCostApprovedBy() {
    return costApprovedBy;
  }

  public SectionReadiness getReadiness() {
    return readiness;
  }

  public String getReadinessReasons() {
    return readinessReasons;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public Instant getReadyAt() {
    return readyAt;
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
