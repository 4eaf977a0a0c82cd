package org.codeorg.partnerships.partnership;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "district")
public class District {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "district_seq")
  @SequenceGenerator(name = "district_seq", sequenceName = "district_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "nces_id", nullable = false)
  private String ncesId;

  @Column(nullable = false)
  private String state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected District() {
  }

  public District(String name, String ncesId, String state, Instant createdAt) {
    this.name = name;
    this.ncesId = ncesId;
    this.state = state;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getNcesId() {
    return ncesId;
  }

  public String getState() {
    return state;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
