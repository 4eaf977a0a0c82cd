package org.codeorg.partnerships.application;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.lifecycle.LifecycleProcess.ScreeningOutcome;

/**
 * Contract of {@code bpmn/application-screening.dmn}: its key, its inputs and its outputs. The
 * table is COLLECT: each matching rule is one finding ({@link #OUTCOME} and {@link #REASON}).
 */
public final class ApplicationScreeningDecision {

  public static final String DECISION_KEY = "application-screening";

  /** How many school-and-course offers of the partnership courses the application lists. */
  public static final ProcessVariable<Integer> COURSES_OFFERED = ProcessVariable.integer("coursesOffered");
  public static final ProcessVariable<Integer> COURSES_WITHOUT_TEACHER = ProcessVariable.integer("coursesWithoutTeacher");
  /** Sections per teacher of the offer with the most; 0 when no offer has a teacher. */
  public static final ProcessVariable<Double> MAX_SECTIONS_PER_TEACHER =
      ProcessVariable.of("maxSectionsPerTeacher", Double.class);
  public static final ProcessVariable<Boolean> ONE_TO_ONE_COMPUTING = ProcessVariable.bool("oneToOneComputing");
  public static final ProcessVariable<Integer> BANDWIDTH_MBPS = ProcessVariable.integer("bandwidthMbps");

  /** A finding's severity: {@link ScreeningOutcome#NEEDS_REVIEW} or {@link ScreeningOutcome#INELIGIBLE}. */
  public static final ProcessVariable<ScreeningOutcome> OUTCOME =
      ProcessVariable.enumeration("outcome", ScreeningOutcome.class);
  /** A finding's reason, shown to the reviewer. */
  public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");

  private ApplicationScreeningDecision() {
  }
}
