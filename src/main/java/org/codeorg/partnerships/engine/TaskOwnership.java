package org.codeorg.partnerships.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may complete a user task: its assignee, or — while it has none — a member of its candidate
 * groups (the engine's own authorization check, through the per-task grants it gives candidate
 * groups). Camunda does not check the assignee itself, so {@link TaskOwnershipPlugin} adds this
 * listener to the {@code complete} event of every user task of every model, whoever completes it
 * (Tasklist, the REST API, the application): the check runs in the completing command's
 * transaction, against the assignee as it is then.
 *
 * <p>A completion without an authenticated user is the application itself (sample data, a job)
 * and is not checked. Each completion is published as {@link TaskCompleted}, synchronously, in the
 * same transaction, so that the partnership's timeline records who completed what.
 */
@Component
public class TaskOwnership implements TaskListener {

  /**
   * A user task is being completed.
   *
   * @param task the task, still readable (variables, name, process instance) while listeners run
   * @param userId who completed it ({@link #completer}); null for the application without an assignee
   */
  public record TaskCompleted(DelegateTask task, String userId) {
  }

  private final ApplicationEventPublisher events;

  public TaskOwnership(ApplicationEventPublisher events) {
    this.events = events;
  }

  /**
   * Refuses a completion by someone other than the assignee.
   *
   * @param userId the authenticated user; null (the application itself) is never refused
   * @throws TaskAssignedElsewhereException the task has an assignee and it is not {@code userId} (HTTP 403)
   */
  public static void check(String taskName, String assignee, String userId) {
    if (userId != null && assignee != null && !assignee.equals(userId)) {
      throw new TaskAssignedElsewhereException(taskName, assignee, userId);
    }
  }

  /** The authenticated user completing {@code task}, else its assignee, else null. */
  public static String completer(DelegateTask task) {
    String user = authenticatedUser(task);
    return user != null ? user : task.getAssignee();
  }

  private static String authenticatedUser(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /**
   * @throws TaskAssignedElsewhereException see {@link #check}; the engine wraps it in a
   *     {@code ProcessEngineException} and rolls the completion back
   */
  @Override
  public void notify(DelegateTask task) {
    check(task.getName(), task.getAssignee(), authenticatedUser(task));
    events.publishEvent(new TaskCompleted(task, completer(task)));
  }
}
