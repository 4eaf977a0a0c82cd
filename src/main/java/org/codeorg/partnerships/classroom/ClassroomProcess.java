package org.codeorg.partnerships.classroom;

import java.util.Map;

import java.math.BigDecimal;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.SectionReadiness;

/**
 * Contract of {@code bpmn/classroom-setup.bpmn}: key, element ids and message code refers to, the
 * variables its expressions, forms and delegates share, and the decision values its gateways compare.
 */
public final class ClassroomProcess {

  public static final String PROCESS_KEY = "classroom-setup";

  public static final String TASK_RECORD_READINESS = "Task_RecordSectionReadiness";
  public static final String TASK_APPROVE_COST = "Task_ApproveMaterialsCost";
  public static final String TASK_DECIDE_UNREADY = "Task_DecideUnreadySection";

  /** The district reported a section's set-up facts through its link ({@code Boundary_ReadinessReported}). */
  public static final String MESSAGE_READINESS = "SectionReadinessReported";

  public static final String VAR_SECTION_ID = "sectionId";

  /** The multi-instance element of the lifecycle's {@code CallActivity_ClassroomSetup}, passed in. */
  public static final ProcessVariable<Long> SECTION_ID = ProcessVariable.longValue(VAR_SECTION_ID);
  /** Due date of {@code Task_RecordSectionReadiness} and timer {@code Boundary_SetupOverdue}. */
  public static final ProcessVariable<Date> READINESS_DEADLINE = ProcessVariable.date("readinessDeadline");
  /** Timer {@code Boundary_SetupEscalation}: a week after the deadline. */
  public static final ProcessVariable<Date> ESCALATION_AT = ProcessVariable.date("escalationAt");
  public static final ProcessVariable<String> SECTION_LABEL = ProcessVariable.string("sectionLabel");

  // Form record-section-readiness.
  public static final ProcessVariable<String> TIME_SLOT = ProcessVariable.string("timeSlot");
  public static final ProcessVariable<String> ROOM = ProcessVariable.string("room");
  public static final ProcessVariable<String> COURSE_CODE = ProcessVariable.string("courseCode");
  public static final ProcessVariable<Boolean> ONE_TO_ONE_COMPUTING = ProcessVariable.bool("oneToOneComputing");
  public static final ProcessVariable<Integer> BANDWIDTH_MBPS = ProcessVariable.integer("bandwidthMbps");
  public static final ProcessVariable<Boolean> MATERIALS_READY = ProcessVariable.bool("materialsReady");
  /** Dollars per class. */
  public static final ProcessVariable<BigDecimal> MATERIALS_COST_PER_CLASS = ProcessVariable.decimal("materialsCostPerClass");

  /** Set by {@code Task_AssessReadiness}: READY, NOT_READY or NEEDS_APPROVAL ({@code Gateway_Readiness}). */
  public static final ProcessVariable<SectionReadiness> READINESS_RESULT =
      ProcessVariable.enumeration("readinessResult", SectionReadiness.class);
  public static final ProcessVariable<String> READINESS_REASONS = ProcessVariable.string("readinessReasons");
  public static final ProcessVariable<CostDecision> COST_DECISION =
      ProcessVariable.enumeration("costDecision", CostDecision.class);
  public static final ProcessVariable<UnreadyDecision> UNREADY_DECISION =
      ProcessVariable.enumeration("unreadyDecision", UnreadyDecision.class);
  public static final ProcessVariable<String> UNREADY_NOTES = ProcessVariable.string("unreadyNotes");

  /** {@code Gateway_CostApproved} (form approve-materials-cost). */
  public enum CostDecision {
    APPROVE, REJECT
  }

  /** {@code Gateway_UnreadyDecision} (form decide-unready-section). */
  public enum UnreadyDecision {
    EXTEND, DROP
  }

  /**
   * Former bean names, kept as Spring aliases because version 0.1 of this model (deployed before the
   * beans took their elements' names) still names them: current name → former name.
   */
  public static final Map<String, String> FORMER_BEAN_NAMES = Map.of(
      "storeLiaisonReport", "storeSectionFacts",
      "assessReadiness", "assessSectionReadiness",
      "askDistrictToFix", "askDistrictToFixSetup");

  private ClassroomProcess() {
  }

  /** @throws IllegalStateException when the instance was started without a section (a modelling error: an incident) */
  public static Long sectionId(VariableScope scope) {
    return SECTION_ID.require(scope);
  }
}
