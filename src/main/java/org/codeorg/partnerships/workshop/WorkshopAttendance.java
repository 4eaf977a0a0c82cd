package org.codeorg.partnerships.workshop;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Whether an enrolled teacher was at one session, as the facilitator recorded it. */
@Entity
@Table(name = "workshop_attendance")
public class WorkshopAttendance {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workshop_attendance_seq")
  @SequenceGenerator(name = "workshop_attendance_seq", sequenceName = "workshop_attendance_seq", allocationSize = 50)
  private Long id;

  @Column(name = "workshop_id", nullable = false)
  private Long workshopId;

  @Column(name = "session_number", nullable = false)
  private int sessionNumber;

  @Column(name = "teacher_id", nullable = false)
  private Long teacherId;

  @Column(nullable = false)
  private boolean present;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected WorkshopAttendance() {
  }

  WorkshopAttendance(Long workshopId, int sessionNumber, Long teacherId, boolean present, String recordedBy,
      Instant now) {
    this.workshopId = workshopId;
    this.sessionNumber = sessionNumber;
    this.teacherId = teacherId;
    record(present, recordedBy, now);
  }

  void record(boolean wasPresent, String by, Instant now) {
    this.present = wasPresent;
    this.recordedBy = by;
    this.recordedAt = now;
  }

  public int getSessionNumber() {
    return sessionNumber;
  }

  public Long getTeacherId() {
    return teacherId;
  }

  public boolean isPresent() {
    return present;
  }
}
