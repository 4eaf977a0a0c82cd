package org.codeorg.partnerships.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.application.LifecycleProcess;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sample partnerships for a newcomer: started through the real lifecycle (as if keyed in on the
 * Tasklist start form), so Tasklist shows "Review application" tasks the moment the app is up.
 * Only into an empty database, so a restart on the H2 file keeps what was there.
 */
@Component
@ConditionalOnProperty(name = "partnership.demo.enabled", havingValue = "true")
public class SamplePartnerships {

  private static final Logger log = LoggerFactory.getLogger(SamplePartnerships.class);

  static final List<Map<String, Object>> SAMPLES = List.of(
      sample("Springfield Unified", "0612345", "CA", "Ana Ruiz", "ana.ruiz@springfield.k12.ca.us",
          "Springfield High", "HIGH", "CSP", 2, "Lee Park", "lpark@springfield.k12.ca.us", true, 25),
      sample("Riverside County Schools", "1700456", "IL", "Omar Haddad", "ohaddad@riverside.k12.il.us",
          "Riverside Middle", "MIDDLE", "CS_ALGEBRA", 3, "June Okafor", "jokafor@riverside.k12.il.us", true, 50),
      sample("Lakeview Elementary District", "2600789", "MI", "Grace Lin", "glin@lakeview.k12.mi.us",
          "Lakeview Elementary", "ELEMENTARY", "CSF", 4, "Ben Carter", "bcarter@lakeview.k12.mi.us", false, 8));

  private final RuntimeService runtimeService;
  private final PartnershipRepository partnerships;

  public SamplePartnerships(RuntimeService runtimeService, PartnershipRepository partnerships) {
    this.runtimeService = runtimeService;
    this.partnerships = partnerships;
  }

  @Order(4)
  @EventListener(ApplicationReadyEvent.class)
  public void startSamples() {
    if (partnerships.count() > 0) {
      return;
    }
    for (Map<String, Object> variables : SAMPLES) {
      runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, variables);
    }
    log.info("Started {} sample partnerships; log in to Tasklist as 'manager' to review them", SAMPLES.size());
  }

  private static Map<String, Object> sample(String district, String ncesId, String state, String contact,
      String email, String school, String level, String course, int sections, String teacher, String teacherEmail,
      boolean oneToOne, int bandwidth) {
    Map<String, Object> v = new HashMap<>();
    v.put("districtName", district);
    v.put("districtNcesId", ncesId);
    v.put("districtState", state);
    v.put("contactName", contact);
    v.put("contactEmail", email);
    v.put("contactPhone", "+1 555 0100");
    v.put("schoolYear", "2027-2028");
    v.put("schoolName", school);
    v.put("schoolLevel", level);
    v.put("course", course);
    v.put("sections", sections);
    v.put("teacherName", teacher);
    v.put("teacherEmail", teacherEmail);
    v.put("oneToOneComputing", oneToOne);
    v.put("bandwidthMbps", bandwidth);
    return Map.copyOf(v);
  }
}
