package org.codeorg.partnerships.evaluation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The evaluation report: the PD summary computed from the hours ledger and the evaluator's assessment. */
@Entity
@Table(name = "program_evaluation")
public class ProgramEvaluation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_evaluation_seq")
  @SequenceGenerator(name = "program_evaluation_seq", sequenceName = "program_evaluation_seq", allocationSize = 50)
  private Long id;

  @Column(name = "partnership_id", nullable = false)
  private Long partnershipId;

  @Column(name = "teachers_enrolled", nullable = false)
  private int teachersEnrolled;

  @Column(name = "teachers_completed", nullable = false)
  private int teachersCompleted;

  @Column(name = "teachers_retained", nullable = false)
  private int teachersRetained;

  @Column(name = "total_pd_hours", nullable = false)
  private int totalPdHours;

  @Column(name = "pd_assessment")
  private String pdAssessment;

  @Column(name = "student_outcomes")
  private String studentOutcomes;

  private String conclusions;

  private String recommendation;

  private String evaluator;

  @Column(name = "summarized_at", nullable = false)
  private Instant summarizedAt;

  @Column(name = "assessed_at")
  private Instant assessedAt;

  protected ProgramEvaluation() {
  }

  ProgramEvaluation(Long partnershipId) {
    this.partnershipId = partnershipId;
  }

  void summarize(int enrolled, int completed, int retained, int hours, Instant now) {
    this.teachersEnrolled = enrolled;
    this.teachersCompleted = completed;
    this.teachersRetained = retained;
    this.totalPdHours = hours;
    this.summarizedAt = now;
  }

  void assess(String pd, String students, String conclusion, String recommended, String by, Instant now) {
    this.pdAssessment = pd;
    this.studentOutcomes = students;
    this.conclusions = conclusion;
    this.recommendation = recommended;
    this.evaluator = by;
    this.assessedAt = now;
  }

  public int getTeachersEnrolled() {
    return teachersEnrolled;
  }

  public int getTeachersCompleted() {
    return teachersCompleted;
  }

  public int getTeachersRetained() {
    return teachersRetained;
  }

  public int getTotalPdHours() {
    return totalPdHours;
  }

  public String getPdAssessment() {
    return pdAssessment;
  }

  public String getStudentOutcomes() {
    return studentOutcomes;
  }

  public String getConclusions() {
    return conclusions;
  }

  public String getRecommendation() {
    return recommendation;
  }

  public String getEvaluator() {
    return evaluator;
  }

  public Instant getAssessedAt() {
    return assessedAt;
  }
}
