package org.codeorg.partnerships.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps who completed a task as the variable {@code completedBy}: the steps after it run as
 * jobs, without the user's authentication ({@code camunda:taskListener event="complete" delegateExpression="${completingUser}"}).
 * Who may complete it at all is {@link TaskOwnership}'s check, which runs before this listener.
 */
@Component("completingUser")
public class CompletingUser implements TaskListener {

  public static final String VARIABLE = "completedBy";

  @Override
  public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
    task.getExecution().setVariable(VARIABLE, TaskOwnership.completer(task));
  }
}
