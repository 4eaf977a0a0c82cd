package org.codeorg.partnerships.workshop;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "workshop_session")
public class WorkshopSession {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workshop_session_seq")
  @SequenceGenerator(name = "workshop_session_seq", sequenceName = "workshop_session_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "workshop_id")
  private Workshop workshop;

  @Column(name = "session_number", nullable = false)
  private int sessionNumber;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  /** PD hours credited for attending: whole hours of the session. */
  @Column(nullable = false)
  private int hours;

  protected WorkshopSession() {
  }

  WorkshopSession(Workshop workshop, int sessionNumber, SessionTimes times) {
    this.workshop = workshop;
    this.sessionNumber = sessionNumber;
    moveTo(times);
  }

  void moveTo(SessionTimes times) {
    this.startsAt = times.startsAt();
    this.endsAt = times.endsAt();
    this.hours = (int) Duration.between(times.startsAt(), times.endsAt()).toHours();
  }

  public int getSessionNumber() {
    return sessionNumber;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public int getHours() {
    return hours;
  }
}
