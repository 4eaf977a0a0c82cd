package org.codeorg.partnerships.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.stereotype.Component;

/**
 * Every task knows its partnership: Tasklist's stage filters ask for the process variable
 * {@code partnershipStage} of the task's own process instance, and the filters' cards show
 * {@code partnershipReference}, {@code districtName} and {@code partnershipStage}. The lifecycle
 * holds them; this plugin copies them into every process instance a lifecycle instance calls (PD,
 * leadership PD, set-up, evaluation — and what those call), when it starts, for every model
 * version the engine parses, and {@link #enterStage} carries a stage change down to the called
 * instances still running and their open tasks. Each task also keeps a copy of what its card
 * shows ({@link #CARD_VARIABLES}).
 */
@Component
public class PartnershipTaskContext extends AbstractProcessEnginePlugin {

  /** The variables a called instance inherits from its caller, in the caller's types. */
  /** Names of {@code workshop.WorkshopProcess} variables (the lifecycle sits below the features). */
  public static final String VAR_WORKSHOP_REFERENCE = "workshopReference";
  public static final String VAR_FIRST_SESSION_AT = "firstSessionAt";
  /**
   * The first session as people read it, in the workshop's zone ("Mon Jul 12, 2027 9:00 AM PDT").
   * Cards show this rather than {@link #VAR_FIRST_SESSION_AT}, a Date that Tasklist shows in UTC.
   */
  public static final String VAR_FIRST_SESSION_LOCAL = "firstSessionLocal";

  static final List<String> INHERITED = List.of(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE,
      LifecycleProcess.VAR_DISTRICT_NAME, LifecycleProcess.VAR_PARTNERSHIP_STAGE);

  /**
   * What a task's card shows (the filters' {@code variables}). Tasklist reads a card's variables
   * with the user's rights, and only monitoring groups may read process instances: so each task
   * keeps its own copy, which its candidate groups may read with the task.
   */
  public static final List<String> CARD_VARIABLES = List.of(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE,
      LifecycleProcess.VAR_DISTRICT_NAME, LifecycleProcess.VAR_PARTNERSHIP_STAGE, VAR_WORKSHOP_REFERENCE,
      VAR_FIRST_SESSION_LOCAL);

  private static final TaskListener COPY_TO_TASK = task -> {
    for (String name : CARD_VARIABLES) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  };

  private static final ExecutionListener COPY_FROM_CALLER = execution -> {
    ExecutionEntity caller = ((ExecutionEntity) execution).getSuperExecution();
    if (caller == null) {
      return;
    }
    for (String name : INHERITED) {
      Object value = caller.getVariable(name);
      if (value != null) {
        execution.setVariable(name, value);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, COPY_FROM_CALLER);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY_TO_TASK);
      }
    });
  }

  /**
   * Records the partnership's new stage on the lifecycle instance of {@code execution} and on every
   * instance it called that is still running (recursively), so their tasks move to the new stage's
   * filter at once.
   *
   * @param execution an execution of the partnership's lifecycle instance
   * @param stage the stage the partnership row now has
   */
  public static void enterStage(DelegateExecution execution, PartnershipStage stage) {
    LifecycleProcess.PARTNERSHIP_STAGE.set(execution, stage);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    List<String> instances = new ArrayList<>(List.of(execution.getProcessInstanceId()));
    while (!instances.isEmpty()) {
      String instance = instances.remove(instances.size() - 1);
      for (Task open : tasks.createTaskQuery().processInstanceId(instance).list()) {
        tasks.setVariableLocal(open.getId(), LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
      }
      for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list()) {
        runtime.setVariable(called.getId(), LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
        instances.add(called.getId());
      }
    }
  }
}
