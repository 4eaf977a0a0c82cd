package org.codeorg.partnerships.classroom;

import java.math.BigDecimal;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.SectionReadiness;

/**
 * Contract of {@code bpmn/classroom-readiness.dmn}: its key, its inputs and its outputs. The table
 * is COLLECT: each matching rule is one finding ({@link #FINDING} and {@link #REASON}).
 */
public final class ClassroomReadinessDecision {

  public static final String DECISION_KEY = "classroom-readiness";

  /** ECS and CSP have the $100 materials rule. */
  public static final ProcessVariable<Course> COURSE = ProcessVariable.enumeration("course", Course.class);
  public static final ProcessVariable<Boolean> TIME_SLOT_ASSIGNED = ProcessVariable.bool("timeSlotAssigned");
  public static final ProcessVariable<Boolean> ROOM_ASSIGNED = ProcessVariable.bool("roomAssigned");
  public static final ProcessVariable<Boolean> COURSE_CODE_ASSIGNED = ProcessVariable.bool("courseCodeAssigned");
  public static final ProcessVariable<Boolean> ONE_TO_ONE_COMPUTING = ClassroomProcess.ONE_TO_ONE_COMPUTING;
  public static final ProcessVariable<Integer> BANDWIDTH_MBPS = ClassroomProcess.BANDWIDTH_MBPS;
  public static final ProcessVariable<Boolean> MATERIALS_READY = ClassroomProcess.MATERIALS_READY;
  /** Dollars per class. */
  public static final ProcessVariable<BigDecimal> MATERIALS_COST_PER_CLASS = ClassroomProcess.MATERIALS_COST_PER_CLASS;
  public static final ProcessVariable<Boolean> COST_APPROVED = ProcessVariable.bool("costApproved");

  /** A finding: {@link SectionReadiness#NOT_READY} or {@link SectionReadiness#NEEDS_APPROVAL}. */
  public static final ProcessVariable<SectionReadiness> FINDING =
      ProcessVariable.enumeration("finding", SectionReadiness.class);
  public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");

  private ClassroomReadinessDecision() {
  }
}
