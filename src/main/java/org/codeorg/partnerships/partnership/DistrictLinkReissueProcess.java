package org.codeorg.partnerships.partnership;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/district-link-reissue.bpmn}: a partnership manager reissues a district's
 * link from Tasklist's "Start process" (the same as {@code POST /api/partnerships/{reference}/link}).
 */
public final class DistrictLinkReissueProcess {

  public static final String PROCESS_KEY = "district-link-reissue";
  public static final String TASK_REISSUE_DISTRICT_LINK = "Task_ReissueDistrictLink";

  /** The start form's one field. */
  public static final ProcessVariable<String> PARTNERSHIP_REFERENCE = ProcessVariable.string("partnershipReference");
  /** The start form's initiator, recorded on the partnership's timeline. */
  public static final ProcessVariable<String> REISSUED_BY = ProcessVariable.string("reissuedBy");
  /** The new link's generation. */
  public static final ProcessVariable<Integer> LINK_GENERATION = ProcessVariable.integer("linkGeneration");

  private DistrictLinkReissueProcess() {
  }
}
