package org.codeorg.partnerships.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user tried to complete a task that is assigned to someone else. Over HTTP a 403 problem
 * "Task assigned to someone else" ({@code web.TaskCompletionGuard}); the task stays open.
 */
public class TaskAssignedElsewhereException extends AuthorizationException {

  private final String taskName;
  private final String assignee;

  public TaskAssignedElsewhereException(String taskName, String assignee, String userId) {
    super("The task '" + taskName + "' is assigned to " + assignee + ", not to " + userId
        + ": it was not completed. Ask " + assignee + " or a manager to reassign it.");
    this.taskName = taskName;
    this.assignee = assignee;
  }

  public String getTaskName() {
    return taskName;
  }

  public String getAssignee() {
    return assignee;
  }
}
