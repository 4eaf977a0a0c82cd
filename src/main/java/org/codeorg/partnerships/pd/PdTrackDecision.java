package org.codeorg.partnerships.pd;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;

/**
 * Contract of {@code bpmn/pd-track.dmn}: the decision key, its inputs and the columns of each
 * output row (one row per phase of a course's PD calendar). Enums travel as their names, which
 * the table's input entries compare.
 */
public final class PdTrackDecision {

  public static final String DECISION_KEY = "pd-track";

  // --- inputs ---
  public static final ProcessVariable<Course> COURSE = ProcessVariable.enumeration("course", Course.class);
  /** Who trains elementary teachers; null for other courses (the table ignores it for them). */
  public static final ProcessVariable<ElementaryPdPath> ELEMENTARY_PATH =
      ProcessVariable.enumeration("elementaryPath", ElementaryPdPath.class);

  // --- outputs, one row per phase ---
  public static final ProcessVariable<Integer> PHASE_NUMBER = ProcessVariable.integer("phaseNumber");
  public static final ProcessVariable<String> PHASE_NAME = ProcessVariable.string("phaseName");
  public static final ProcessVariable<PdDelivery> DELIVERY = ProcessVariable.enumeration("delivery", PdDelivery.class);
  public static final ProcessVariable<String> DELIVERED_BY = ProcessVariable.string("deliveredBy");
  public static final ProcessVariable<Integer> HOURS = ProcessVariable.integer("hours");
  /** Months from the school year's start (1 August); negative before it. */
  public static final ProcessVariable<Integer> START_OFFSET_MONTHS = ProcessVariable.integer("startOffsetMonths");
  public static final ProcessVariable<Integer> DURATION_MONTHS = ProcessVariable.integer("durationMonths");

  private PdTrackDecision() {
  }
}
