package org.codeorg.partnerships.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff, one per group, password = user name. Only when {@code partnership.demo.enabled}
 * (the default profile); the {@code prod} profile switches it off and refuses to start otherwise.
 * The admin user comes from {@code camunda.bpm.admin-user}.
 */
@Component
@ConditionalOnProperty(name = "partnership.demo.enabled", havingValue = "true")
public class DemoUsers {

  public record DemoUser(String id, String firstName, String lastName, String group) {
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("manager", "Maria", "Manager", StaffGroups.PARTNERSHIP_MANAGERS),
      new DemoUser("pdmanager", "Paul", "Development", StaffGroups.PD_MANAGERS),
      new DemoUser("facilitator", "Fatima", "Facilitator", StaffGroups.FACILITATORS),
      new DemoUser("evaluator", "Evan", "Evaluator", StaffGroups.EVALUATORS),
      new DemoUser("liaison", "Lia", "Liaison", StaffGroups.DISTRICT_LIAISONS));

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Order(3)
  @EventListener(ApplicationReadyEvent.class)
  public void createDemoUsers() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@partnerships.example.org");
        user.setPassword(demo.id());
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
        log.info("Created demo user {} in group {}", demo.id(), demo.group());
      }
    }
  }
}
