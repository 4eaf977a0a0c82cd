package org.codeorg.partnerships.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A reviewer's question to the district and the district's answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "information_request_seq")
  @SequenceGenerator(name = "information_request_seq", sequenceName = "information_request_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(nullable = false)
  private String question;

  @Column(name = "asked_at", nullable = false)
  private Instant askedAt;

  private String answer;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected InformationRequest() {
  }

  public InformationRequest(Long partnershipId, String question, Instant askedAt) {
    this.partnershipId = partnershipId;
    this.question = question;
    this.askedAt = askedAt;
  }

  public void answer(String answer, Instant now) {
    this.answer = answer;
    this.answeredAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getQuestion() {
    return question;
  }

  public Instant getAskedAt() {
    return askedAt;
  }

  public String getAnswer() {
    return answer;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
