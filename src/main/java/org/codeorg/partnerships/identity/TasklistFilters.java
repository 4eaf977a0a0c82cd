package org.codeorg.partnerships.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.lifecycle.PartnershipTaskContext;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff expect: my tasks, my groups' tasks, overdue, and one per stage.
 * Created once by name; every working group may read them. A filter shows only the tasks its
 * reader is authorized to see, so sharing a filter never widens access.
 */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My groups' tasks";
  static final String OVERDUE = "Overdue";
  static final String STAGE_PREFIX = "Stage: ";

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Order(2)
  @EventListener(ApplicationReadyEvent.class)
  public void createFilters() {
    int priority = 0;
    ensure(MY_TASKS, "Tasks assigned to me", priority++, "#1f77b4",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(MY_GROUPS_TASKS, "Unclaimed tasks of my groups", priority++, "#2ca02c",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensure(OVERDUE, "Tasks past their due date", priority++, "#d62728",
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
    for (PartnershipStage stage : PartnershipStage.values()) {
      if (stage.hasStaffWork()) {
        String name = STAGE_PREFIX + stage.label();
        replaceProcessVariableQuery(name, stage);
        ensure(name, "Tasks of partnerships in the stage " + stage.label(), priority++, "#9467bd", stageQuery(stage));
      }
    }
  }

  /**
   * A stage filter asks for the task's own copy of the stage ({@link PartnershipTaskContext}
   * keeps it on every task and carries stage changes to it). It used to ask for the process
   * variable, which makes the engine look for the variable of each task's instance (a sub-select
   * per task on ACT_RU_VARIABLE by instance): at national scale the costliest filter
   * (docs/performance.md, "National scale"). The task variable is found through the index on
   * (TASK_ID_, NAME_, TYPE_).
   */
  static TaskQuery stageQuery(TaskService taskService, PartnershipStage stage) {
    return taskService.createTaskQuery().taskVariableValueEquals(LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
  }

  private TaskQuery stageQuery(PartnershipStage stage) {
    return stageQuery(taskService, stage);
  }

  /**
   * An earlier version's stage filter (on the process variable) gets the task-variable query; the
   * tasks it showed that have no copy of the stage (opened before tasks kept one) get it first, so
   * none drops out of its filter.
   */
  private void replaceProcessVariableQuery(String name, PartnershipStage stage) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null || !(filter.getQuery() instanceof TaskQueryImpl query) || query.getVariables() == null
        || query.getVariables().stream().noneMatch(variable -> variable.isProcessInstanceVariable())) {
      return;
    }
    int copied = 0;
    for (Task task : taskService.createTaskQuery()
        .processVariableValueEquals(LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name()).list()) {
      if (taskService.getVariableLocal(task.getId(), LifecycleProcess.VAR_PARTNERSHIP_STAGE) == null) {
        taskService.setVariableLocal(task.getId(), LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
        copied++;
      }
    }
    filter.setQuery(stageQuery(stage));
    filterService.saveFilter(filter);
    log.info("Tasklist filter '{}' now asks for the task's stage ({} open tasks given their copy)", name, copied);
  }

  private void ensure(String name, String description, int priority, String color, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      filter.setProperties(properties(description, priority, color));
      filterService.saveFilter(filter);
      log.info("Created Tasklist filter '{}'", name);
    } else if (!properties(description, priority, color).equals(filter.getProperties())) {
      // The cards of an earlier version showed fewer variables: bring them up to date.
      filter.setProperties(properties(description, priority, color));
      filterService.saveFilter(filter);
      log.info("Updated the properties of Tasklist filter '{}'", name);
    }
    for (String group : StaffGroups.WORKING_GROUPS) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
      if (!granted) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }

  private static Map<String, Object> properties(String description, int priority, String color) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    List<Map<String, String>> variables = new ArrayList<>();
    variables.add(Map.of("name", LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, "label", "Partnership"));
    variables.add(Map.of("name", LifecycleProcess.VAR_DISTRICT_NAME, "label", "District"));
    variables.add(Map.of("name", LifecycleProcess.VAR_PARTNERSHIP_STAGE, "label", "Stage"));
    // Workshop tasks serve teachers of several partnerships: their cards name the workshop instead.
    variables.add(Map.of("name", PartnershipTaskContext.VAR_WORKSHOP_REFERENCE, "label", "Workshop"));
    variables.add(Map.of("name", PartnershipTaskContext.VAR_FIRST_SESSION_LOCAL, "label", "First session"));
    properties.put("variables", variables);
    return properties;
  }
}
