package org.codeorg.partnerships.pd;

import java.util.Date;
import java.util.Map;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;

/**
 * Contract of {@code bpmn/professional-development.bpmn} (one teacher's PD) and its forms
 * {@code confirm-teacher-commitment}, {@code decide-missing-commitment} and
 * {@code decide-missed-phase}: the key, the element ids code refers to, the messages, the typed
 * variables and the values its gateways and forms compare.
 */
public final class ProfessionalDevelopmentProcess {

  public static final String PROCESS_KEY = "professional-development";

  public static final String TASK_CONFIRM_COMMITMENT = "Task_ConfirmTeacherCommitment";
  public static final String TASK_DECIDE_MISSING_COMMITMENT = "Task_DecideMissingCommitment";
  public static final String TASK_WAIT_FOR_PHASE_REPORT = "Task_WaitForPhaseReport";
  public static final String TASK_DECIDE_MISSED_PHASE = "Task_DecideMissedPhase";

  /** The district's (or a liaison's) answer about a teacher's guarantee; carries {@link #TEACHER_COMMITMENT}. */
  public static final String MESSAGE_COMMITMENT = "TeacherCommitmentReceived";
  /**
   * A phase's outcome: attendance from a workshop, or completion reported by the online
   * environment; correlated on {@link #TEACHER_ID} and {@link #PHASE_NUMBER}, carries
   * {@link #PHASE_ATTENDED} and {@link #PHASE_HOURS}.
   */
  public static final String MESSAGE_PHASE_REPORTED = "PdPhaseReported";

  /** The district's answer in {@code confirm-teacher-commitment} or through its link. */
  public enum TeacherCommitment {
    COMMITS, CANNOT_COMMIT
  }

  /** The PD manager's answer in {@code decide-missing-commitment}. */
  public enum MissingCommitmentDecision {
    REPLACE, WITHDRAW
  }

  /** The PD manager's answer in {@code decide-missed-phase}. */
  public enum MissedPhaseDecision {
    MAKE_UP, WITHDRAW
  }

  // --- set by the lifecycle's call activity ---
  public static final ProcessVariable<Long> PARTNERSHIP_ID = ProcessVariable.longValue(LifecycleProcess.VAR_PARTNERSHIP_ID);
  public static final ProcessVariable<Long> TEACHER_ID = ProcessVariable.longValue("teacherId");

  // --- the guarantee ---
  /** End of the day the district must answer by: the confirmation task's due date and the deadline timer. */
  public static final ProcessVariable<Date> COMMITMENT_DEADLINE = ProcessVariable.date("commitmentDeadline");
  public static final ProcessVariable<String> TEACHER_NAME = ProcessVariable.string("teacherName");
  /** Who, which course and school: shown by the commitment forms. */
  public static final ProcessVariable<String> TEACHER_SUMMARY = ProcessVariable.string("teacherSummary");
  /** Read by {@code Gateway_TeacherCommits}. */
  public static final ProcessVariable<TeacherCommitment> TEACHER_COMMITMENT =
      ProcessVariable.enumeration("teacherCommitment", TeacherCommitment.class);
  /** Read by {@code Gateway_MissingCommitmentDecision}. */
  public static final ProcessVariable<MissingCommitmentDecision> COMMITMENT_DECISION =
      ProcessVariable.enumeration("commitmentDecision", MissingCommitmentDecision.class);
  public static final ProcessVariable<String> REPLACEMENT_NAME = ProcessVariable.string("replacementName");
  public static final ProcessVariable<String> REPLACEMENT_EMAIL = ProcessVariable.string("replacementEmail");
  /** The PD manager's reason for a withdrawal (either decision form). */
  public static final ProcessVariable<String> PD_DECISION_NOTES = ProcessVariable.string("pdDecisionNotes");

  // --- the phases ---
  /**
   * Number of phases in the teacher's ledger. Gateways of this version read {@link #MORE_PHASES};
   * it is still set for instances of version 0.1, whose {@code Gateway_MorePhases} compares it.
   */
  public static final ProcessVariable<Integer> PHASE_COUNT = ProcessVariable.integer("phaseCount");
  /** The phase open or last completed (0 before the first); a correlation key of {@link #MESSAGE_PHASE_REPORTED}. */
  public static final ProcessVariable<Integer> PHASE_NUMBER = ProcessVariable.integer("phaseNumber");
  public static final ProcessVariable<String> PHASE_NAME = ProcessVariable.string("phaseName");
  public static final ProcessVariable<PdDelivery> PHASE_DELIVERY = ProcessVariable.enumeration("phaseDelivery", PdDelivery.class);
  /** End of the phase's last day: the {@code Boundary_PhaseDeadline} timer. */
  public static final ProcessVariable<Date> PHASE_DUE_DATE = ProcessVariable.date("phaseDueDate");
  /** Read by {@code Gateway_PhaseCompleted}: present at every session, or completed online. */
  public static final ProcessVariable<Boolean> PHASE_ATTENDED = ProcessVariable.bool("phaseAttended");
  public static final ProcessVariable<Integer> PHASE_HOURS = ProcessVariable.integer("phaseHours");
  /** The day an online phase was completed as reported ({@code "yyyy-MM-dd"}); absent: the day it is recorded. */
  public static final ProcessVariable<java.time.LocalDate> PHASE_COMPLETED_ON = ProcessVariable.localDate("phaseCompletedOn");
  /** Read by {@code Gateway_MorePhases}: the ledger has a phase after the one just completed. */
  public static final ProcessVariable<Boolean> MORE_PHASES = ProcessVariable.bool("morePhases");
  /** Read by {@code Gateway_MissedPhaseDecision}. */
  public static final ProcessVariable<MissedPhaseDecision> MISSED_PHASE_DECISION =
      ProcessVariable.enumeration("missedPhaseDecision", MissedPhaseDecision.class);
  public static final ProcessVariable<Integer> CERTIFICATE_HOURS = ProcessVariable.integer("certificateHours");

  /**
   * Delegate beans named apart from their element, and why. Service tasks' beans carry their
   * element's name ({@code Task_OpenNextPdPhase} → {@code ${openNextPdPhase}}); this model has no
   * exception.
   */
  public static final Map<String, String> SHARED_DELEGATES = Map.of();

  private ProfessionalDevelopmentProcess() {
  }
}
