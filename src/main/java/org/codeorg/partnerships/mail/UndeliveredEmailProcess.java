package org.codeorg.partnerships.mail;

import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Contract of {@code bpmn/undelivered-email.bpmn}: one instance per email that failed for good or
 * whose delivery outcome is unknown after a crash ({@link DeliveryIncidents#raise}); a partnership
 * manager decides in Tasklist what becomes of it.
 */
public final class UndeliveredEmailProcess {

  public static final String PROCESS_KEY = "undelivered-email";
  public static final String TASK_RESOLVE_UNDELIVERED_EMAIL = "Task_ResolveUndeliveredEmail";
  public static final String TASK_APPLY_EMAIL_RESOLUTION = "Task_ApplyEmailResolution";

  /** What the partnership manager decides. */
  public enum EmailResolution {
    /** Back in the queue to the same address. */
    SEND_AGAIN,
    /** Back in the queue to {@link #CORRECTED_ADDRESS}. */
    SEND_TO_CORRECTED_ADDRESS,
    /** The recipient has it (checked by phone or in their mailbox): nothing is sent. */
    MARK_DELIVERED
  }

  // --- set when the instance starts (what the form shows) ---
  public static final ProcessVariable<Long> EMAIL_ID = ProcessVariable.longValue("emailId");
  public static final ProcessVariable<String> EMAIL_RECIPIENT = ProcessVariable.string("emailRecipient");
  public static final ProcessVariable<String> EMAIL_SUBJECT = ProcessVariable.string("emailSubject");
  public static final ProcessVariable<String> DELIVERY_ERROR = ProcessVariable.string("deliveryError");

  // --- the form resolve-undelivered-email ---
  public static final ProcessVariable<EmailResolution> EMAIL_RESOLUTION =
      ProcessVariable.enumeration("emailResolution", EmailResolution.class);
  public static final ProcessVariable<String> CORRECTED_ADDRESS = ProcessVariable.string("correctedAddress");

  private UndeliveredEmailProcess() {
  }

  /** The business key of the email's instance: one open resolution per email. */
  public static String businessKey(Long emailId) {
    return "email-" + emailId;
  }
}
