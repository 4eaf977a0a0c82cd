package org.codeorg.partnerships.lifecycle;

import org.codeorg.partnerships.engine.TaskOwnership.TaskCompleted;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every completed user task of a partnership on its timeline: event {@value #EVENT}, detail
 * "{task name} by {user id}" ("by the application" when no user completed it). Tasks of
 * processes without a partnership (a workshop) are not recorded here. Runs in the completing
 * command's transaction: a completion that fails leaves no entry.
 */
@Component
public class TaskCompletionTimeline {

  public static final String EVENT = "TASK_COMPLETED";

  private final PartnershipProgress progress;

  public TaskCompletionTimeline(PartnershipProgress progress) {
    this.progress = progress;
  }

  @EventListener
  public void record(TaskCompleted completed) {
    Long partnershipId = LifecycleProcess.PARTNERSHIP_ID.get(completed.task());
    if (partnershipId != null) {
      progress.record(progress.load(partnershipId), EVENT, detail(completed.task().getName(), completed.userId()));
    }
  }

  /** The timeline detail of a task completion, e.g. "Review application by manager". */
  public static String detail(String taskName, String userId) {
    return taskName + " by " + (userId != null ? userId : "the application");
  }
}
