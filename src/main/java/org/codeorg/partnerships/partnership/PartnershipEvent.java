package org.codeorg.partnerships.partnership;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A milestone on the partnership's timeline (application received, accepted, plan approved, …). */
@Entity
@Table(name = "partnership_event")
public class PartnershipEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partnership_event_seq")
  @SequenceGenerator(name = "partnership_event_seq", sequenceName = "partnership_event_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(nullable = false)
  private String event;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  private String detail;

  protected PartnershipEvent() {
  }

  public PartnershipEvent(Long partnershipId, String event, Instant occurredAt, String detail) {
    this.partnershipId = partnershipId;
    this.event = event;
    this.occurredAt = occurredAt;
    this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
  }

  public Long getId() {
    return id;
  }

  public Long getPartnershipId() {
    return partnershipId;
  }

  public String getEvent() {
    return event;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getDetail() {
    return detail;
  }
}
