package org.codeorg.partnerships.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.codeorg.partnerships.workshop.WorkshopCancellationProcess;
import org.codeorg.partnerships.workshop.WorkshopDatesChangeProcess;
import org.codeorg.partnerships.workshop.WorkshopFacilitatorChangeProcess;
import org.codeorg.partnerships.workshop.WorkshopProcess;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.DistrictLinkReissueProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and the least grants each needs, in every profile, idempotently:
 * a restart adds what is missing, takes back the over-grants of earlier versions listed in
 * {@link #revokeOverGrants()}, and changes nothing else.
 *
 * <p>Task access itself is not granted here: with authorization enabled the engine grants each
 * candidate group, and the assignee, READ and UPDATE on each task (an authorization per task,
 * created with its identity links and removed when it ends). So a task is visible only to its
 * candidate groups, its assignee and administrators. No group has READ_TASK or UPDATE_TASK on a
 * process definition: that would show it every task of the definition, whoever works them, and
 * make the task queries of Tasklist check a second kind of grant.
 */
@Component
public class IdentityBootstrap {

  /** {@code pd.OnlinePdCompletionsProcess#PROCESS_KEY}: identity sits below the features. */
  static final String ONLINE_PD_COMPLETIONS = "online-pd-completions";

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Order(1)
  @EventListener(ApplicationReadyEvent.class)
  public void createGroupsAndGrants() {
    Stream.concat(Stream.of(StaffGroups.ADMIN), StaffGroups.WORKING_GROUPS.stream()).forEach(this::ensureGroup);

    for (String group : StaffGroups.WORKING_GROUPS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Process and decision names for the task list and forms; no access to instances or tasks.
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    for (String group : StaffGroups.MONITORING_GROUPS) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // Partnership managers key in applications received by mail (Tasklist start form).
    grant(StaffGroups.PARTNERSHIP_MANAGERS, Resources.PROCESS_DEFINITION, LifecycleProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PARTNERSHIP_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // PD managers schedule workshops (Tasklist start form "Schedule a workshop").
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_DEFINITION, WorkshopProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_DEFINITION, WorkshopCancellationProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_DEFINITION, WorkshopFacilitatorChangeProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_DEFINITION, WorkshopDatesChangeProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // Tasklist's "Start process" lists what the user may start (CREATE_INSTANCE on the definition
    // and CREATE on instances); the models name the same group as candidateStarterGroups.
    grant(StaffGroups.PARTNERSHIP_MANAGERS, Resources.PROCESS_DEFINITION, DistrictLinkReissueProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_DEFINITION, ONLINE_PD_COMPLETIONS,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(StaffGroups.PD_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    revokeOverGrants();
    log.info("Staff groups and authorizations are in place");
  }

  /**
   * Earlier versions gave the monitoring groups READ_TASK on every process definition, which
   * showed pd-managers every partnership manager's task (and the other way round).
   */
  void revokeOverGrants() {
    for (String group : StaffGroups.MONITORING_GROUPS) {
      revoke(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_TASK);
    }
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(StaffGroups.displayName(groupId));
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      log.info("Created group {}", groupId);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if missing. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = findGrant(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** Removes the permission from the group's grant on the resource, if it has it. */
  void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = findGrant(groupId, resource, resourceId);
    if (authorization != null && authorization.isPermissionGranted(permission)) {
      authorization.removePermission(permission);
      authorizationService.saveAuthorization(authorization);
      log.info("Revoked {} on {} {} from group {}", permission.getName(), resource.resourceName(), resourceId, groupId);
    }
  }

  private Authorization findGrant(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
  }
}
