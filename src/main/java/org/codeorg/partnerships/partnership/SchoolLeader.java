package org.codeorg.partnerships.partnership;

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

/** A counselor or principal of a participating school (Counselor/Administrator PD program). */
@Entity
@Table(name = "school_leader")
public class SchoolLeader {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_leader_seq")
  @SequenceGenerator(name = "school_leader_seq", sequenceName = "school_leader_seq", allocationSize = 50)
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
  private LeaderRole role;

  protected SchoolLeader() {
  }

  SchoolLeader(Partnership partnership, School school, String name, String email, LeaderRole role) {
    this.partnership = partnership;
    this.school = school;
    this.name = name;
    this.email = email;
    this.role = role;
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

  public LeaderRole getRole() {
    return role;
  }
}
