package org.codeorg.partnerships.pd;

import java.time.LocalDate;
import java.util.Map;

import org.codeorg.partnerships.engine.ProcessVariable;
import org.codeorg.partnerships.partnership.ElementaryPdPath;

/**
 * The PD part of {@code bpmn/partnership-lifecycle.bpmn}'s contract: the elements and variables of
 * the implementation stage that this package's delegates and the form
 * {@code choose-elementary-pd-path} use. Key, messages and the rest of that model's variables are
 * in {@link org.codeorg.partnerships.lifecycle.LifecycleProcess}.
 */
public final class ImplementationStage {

  public static final String TASK_CHOOSE_ELEMENTARY_PD_PATH = "Task_ChooseElementaryPdPath";
  public static final String TASK_RECORD_ELEMENTARY_PD_PATH = "Task_RecordElementaryPdPath";
  public static final String TASK_RECORD_TRAINER_TRAINING = "Task_RecordTrainerTraining";
  public static final String CALL_SECONDARY_TEACHER_PD = "CallActivity_SecondaryTeacherPd";
  public static final String CALL_ELEMENTARY_TEACHER_PD = "CallActivity_ElementaryTeacherPd";
  public static final String CALL_LEADERSHIP_PD = "CallActivity_LeadershipPd";

  /** Read by {@code Gateway_ElementaryPdPath}; an input of {@code pd-track} once recorded on the partnership. */
  public static final ProcessVariable<ElementaryPdPath> ELEMENTARY_PD_PATH =
      ProcessVariable.enumeration("elementaryPdPath", ElementaryPdPath.class);
  /** Only on {@link ElementaryPdPath#DISTRICT_AFFILIATE}; the form hides it otherwise. */
  public static final ProcessVariable<String> AFFILIATE_TRAINER_NAME = ProcessVariable.string("affiliateTrainerName");
  /** Only on {@link ElementaryPdPath#DISTRICT_AFFILIATE}; the form hides it otherwise. */
  public static final ProcessVariable<String> AFFILIATE_TRAINER_EMAIL = ProcessVariable.string("affiliateTrainerEmail");
  /** The form {@code record-trainer-training}'s date. */
  public static final ProcessVariable<LocalDate> TRAINER_TRAINED_ON = ProcessVariable.localDate("trainerTrainedOn");

  /** Beans named apart from an element, and why. */
  public static final Map<String, String> SHARED_DELEGATES = Map.of(
      "pdParticipants", "not a delegate: the collections of " + CALL_SECONDARY_TEACHER_PD + ", "
          + CALL_ELEMENTARY_TEACHER_PD + " and " + CALL_LEADERSHIP_PD);

  /**
   * Former bean names, kept as aliases because the lifecycle model (its deployed versions at least)
   * names them: current name → former name.
   */
  public static final Map<String, String> FORMER_BEAN_NAMES = Map.of(
      "storeTrainerTraining", "recordAffiliateTrainerTrained");

  private ImplementationStage() {
  }
}
