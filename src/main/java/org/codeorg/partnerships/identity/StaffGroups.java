package org.codeorg.partnerships.identity;

import java.util.List;

/** The Camunda groups of the program office (README, "Security"). Every user task names one as candidate group. */
public final class StaffGroups {

  public static final String ADMIN = "camunda-admin";
  public static final String PARTNERSHIP_MANAGERS = "partnership-managers";
  public static final String PD_MANAGERS = "pd-managers";
  public static final String FACILITATORS = "facilitators";
  public static final String EVALUATORS = "evaluators";
  public static final String DISTRICT_LIAISONS = "district-liaisons";

  /** Groups that work tasks in Tasklist (admin has every permission already). */
  public static final List<String> WORKING_GROUPS =
      List.of(PARTNERSHIP_MANAGERS, PD_MANAGERS, FACILITATORS, EVALUATORS, DISTRICT_LIAISONS);

  /** Groups that monitor in Cockpit, read-only. */
  public static final List<String> MONITORING_GROUPS = List.of(PARTNERSHIP_MANAGERS, PD_MANAGERS);

  private StaffGroups() {
  }

  public static String displayName(String groupId) {
    return switch (groupId) {
      case ADMIN -> "Administrators";
      case PARTNERSHIP_MANAGERS -> "Partnership managers";
      case PD_MANAGERS -> "Professional development managers";
      case FACILITATORS -> "PD facilitators";
      case EVALUATORS -> "Program evaluators";
      case DISTRICT_LIAISONS -> "District liaisons";
      default -> groupId;
    };
  }
}
