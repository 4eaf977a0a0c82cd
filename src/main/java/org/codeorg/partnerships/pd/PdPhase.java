package org.codeorg.partnerships.pd;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.codeorg.partnerships.partnership.Course;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The hours ledger: one row per teacher and phase, with the hours planned and the hours earned. */
@Entity
@Table(name = "pd_phase")
public class PdPhase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pd_phase_seq")
  @SequenceGenerator(name = "pd_phase_seq", sequenceName = "pd_phase_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(name = "teacher_id", nullable = false)
  private Long teacherId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Course course;

  @Column(name = "phase_number", nullable = false)
  private int phaseNumber;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private PdDelivery delivery;

  @Column(name = "delivered_by")
  private String deliveredBy;

  @Column(name = "planned_hours", nullable = false)
  private int plannedHours;

  @Column(name = "hours_earned", nullable = false)
  private int hoursEarned;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private PdPhaseStatus status;

  @Column(name = "make_ups", nullable = false)
  private int makeUps;

  @Column(name = "completed_at")
  private Instant completedAt;

  /** The day completed as reported (V19); null for phases completed before V19. */
  @Column(name = "completed_on")
  private LocalDate completedOn;

  @Version
  private long version;

  protected PdPhase() {
  }

  PdPhase(Long partnershipId, Long teacherId, Course course, PlannedPhase plan, LocalDate startsOn, LocalDate dueOn) {
    this.partnershipId = partnershipId;
    this.teacherId = teacherId;
    this.course = course;
    this.phaseNumber = plan.number();
    this.name = plan.name();
    this.delivery = plan.delivery();
    this.deliveredBy = plan.deliveredBy();
    this.plannedHours = plan.hours();
    this.startsOn = startsOn;
    this.dueOn = dueOn;
    this.status = PdPhaseStatus.PLANNED;
  }

  void open() {
    status = PdPhaseStatus.OPEN;
  }

  /** A workshop seat for this phase: the teacher no longer waits for one. */
  public void seat() {
    status = PdPhaseStatus.SEATED;
  }

  /** The workshop was cancelled or the seat given up: the teacher waits for a seat again. */
  public void unseat() {
    if (status == PdPhaseStatus.SEATED) {
      status = PdPhaseStatus.OPEN;
    }
  }

  /** @param completedOn the day reported (the online export's "completed on"); null: the day of {@code now}, UTC */
  void complete(int hours, Instant now, LocalDate completedOn) {
    status = PdPhaseStatus.COMPLETED;
    hoursEarned = hours;
    completedAt = now;
    this.completedOn = completedOn != null ? completedOn : LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  void miss() {
    status = PdPhaseStatus.MISSED;
  }

  void makeUpBy(LocalDate newDueOn) {
    makeUps++;
    dueOn = newDueOn;
    status = PdPhaseStatus.OPEN;
  }

  void withdraw() {
    if (status != PdPhaseStatus.COMPLETED) {
      status = PdPhaseStatus.WITHDRAWN;
    }
  }

  public Long getId() {
    return id;
  }

  public Long getPartnershipId() {
    return partnershipId;
  }

  public Long getTeacherId() {
    return teacherId;
  }

  public Course getCourse() {
    return course;
  }

  public int getPhaseNumber() {
    return phaseNumber;
  }

  public String getName() {
    return name;
  }

  public PdDelivery getDelivery() {
    return delivery;
  }

  public String getDeliveredBy() {
    return deliveredBy;
  }

  public int getPlannedHours() {
    return plannedHours;
  }

  public int getHoursEarned() {
    return hoursEarned;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public PdPhaseStatus getStatus() {
    return status;
  }

  public int getMakeUps() {
    return makeUps;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  /**
   * The day the phase was completed: as reported, or for a phase completed before V19 the day it
   * was recorded (UTC); null while not completed.
   */
  public LocalDate getCompletedOn() {
    if (completedOn != null || completedAt == null) {
      return completedOn;
    }
    return LocalDate.ofInstant(completedAt, ZoneOffset.UTC);
  }
}
