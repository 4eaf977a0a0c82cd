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

@Entity
@Table(name = "school")
public class School {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
  @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partnership_id")
  private Partnership partnership;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private SchoolLevel level;

  protected School() {
  }

  School(Partnership partnership, String name, SchoolLevel level) {
    this.partnership = partnership;
    this.name = name;
    this.level = level;
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public String getName() {
    return name;
  }

  public SchoolLevel getLevel() {
    return level;
  }
}
