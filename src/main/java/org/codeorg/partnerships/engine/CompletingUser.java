package org.codeorg.partnerships.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Keeps who completed a task as the variable {@code completedBy}: the steps after it run as
 * jobs, without the user's authentication ({@code camunda:taskListener event="complete" delegateExpression="${completingUser}"}).
 */
@Component("completingUser")
public class CompletingUser implements TaskListener {

  public static final String VARIABLE = "completedBy";

  @Override
  public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.getExecution().setVariable(VARIABLE, current != null ? current.getUserId() : task.getAssignee());
  }
}
