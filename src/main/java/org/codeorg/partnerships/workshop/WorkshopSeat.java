package org.codeorg.partnerships.workshop;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A teacher's place in a workshop: enrolled, or waitlisted at a position. */
@Entity
@Table(name = "workshop_seat")
public class WorkshopSeat {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workshop_seat_seq")
  @SequenceGenerator(name = "workshop_seat_seq", sequenceName = "workshop_seat_seq", allocationSize = 50)
  private Long id;

  @Column(name = "workshop_id", nullable = false)
  private Long workshopId;

  @Column(name = "pd_phase_id", nullable = false)
  private Long pdPhaseId;

  @Column(name = "teacher_id", nullable = false)
  private Long teacherId;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private SeatStatus status;

  /** Order of enrolment; for the waitlisted, their place in line counts among the waitlisted. */
  @Column(nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The secret of the "give up my seat" link: 128 bits from {@link SecureRandom}, base64url without padding. */
  @Column(name = "give_up_token", unique = true)
  private String giveUpToken;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected WorkshopSeat() {
  }

  WorkshopSeat(Long workshopId, Long pdPhaseId, Long teacherId, Long partnershipId, SeatStatus status, int position,
      Instant now) {
    this.workshopId = workshopId;
    this.pdPhaseId = pdPhaseId;
    this.teacherId = teacherId;
    this.partnershipId = partnershipId;
    this.status = status;
    this.position = position;
    this.createdAt = now;
    this.giveUpToken = newToken();
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private static String newToken() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** The teacher gave the seat up through the email's link. */
  void release(Instant now) {
    this.status = SeatStatus.RELEASED;
    this.releasedAt = now;
  }

  /** A waitlisted teacher takes a freed seat, last on the roster. */
  void promote(int rosterPosition) {
    this.status = SeatStatus.ENROLLED;
    this.position = rosterPosition;
  }

  public String getGiveUpToken() {
    return giveUpToken;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  void cancel() {
    this.status = SeatStatus.CANCELLED;
  }

  public Long getPdPhaseId() {
    return pdPhaseId;
  }

  public Long getWorkshopId() {
    return workshopId;
  }


  public Long getTeacherId() {
    return teacherId;
  }

  public Long getPartnershipId() {
    return partnershipId;
  }

  public SeatStatus getStatus() {
    return status;
  }

  public int getPosition() {
    return position;
  }
}
