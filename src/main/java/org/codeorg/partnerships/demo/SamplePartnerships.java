package org.codeorg.partnerships.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.plan.PlanSections;
import org.codeorg.partnerships.plan.PlanSubmissions;
import org.codeorg.partnerships.workshop.FacilitatorQualifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sample partnerships for a newcomer, started and moved on through the real lifecycle so that
 * Tasklist shows work of several stages the moment the app is up: two applications to review,
 * one waiting for the district's information, one waiting for its signed agreement, and one plan
 * to review. Only into an empty database, so a restart on the H2 file keeps what was there.
 *
 * <p>By default they are started on a thread of their own once the application is ready
 * ({@code partnership.demo.samples-in-background}), so they are not on the start-up path: a few
 * seconds after the "ready" line they are there (the log says how long they took; docs/performance.md,
 * "Start-up and memory"). The integration tests set it to false to find the samples the moment
 * their context is up.
 */
@Component
@ConditionalOnProperty(name = "partnership.demo.enabled", havingValue = "true")
public class SamplePartnerships {

  private static final Logger log = LoggerFactory.getLogger(SamplePartnerships.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final PartnershipRepository partnerships;
  private final PlanSubmissions planSubmissions;
  private final DistrictAccessTokens tokens;
  private final TransactionTemplate tx;
  private final FacilitatorQualifications qualifications;
  private final boolean inBackground;

  public SamplePartnerships(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      PartnershipRepository partnerships, PlanSubmissions planSubmissions, DistrictAccessTokens tokens,
      TransactionTemplate tx, FacilitatorQualifications qualifications,
      @Value("${partnership.demo.samples-in-background:true}") boolean inBackground) {
    this.qualifications = qualifications;
    this.inBackground = inBackground;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.partnerships = partnerships;
    this.planSubmissions = planSubmissions;
    this.tokens = tokens;
    this.tx = tx;
  }

  /**
   * Starts the samples once the application is ready (after the identity set-up and the demo
   * users, which {@code @Order} 1–3 run first): on a daemon thread of its own unless
   * {@code partnership.demo.samples-in-background} is false. A failure there is logged and leaves the
   * application running without (all of) the samples.
   */
  @Order(4)
  @EventListener(ApplicationReadyEvent.class)
  public void startSamples() {
    if (!inBackground) {
      createSamples();
      return;
    }
    Thread thread = new Thread(() -> {
      long start = System.nanoTime();
      try {
        createSamples();
        log.info("Sample partnerships took {} ms after the application was ready", (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        // E.g. the application is stopped while they start; nothing else depends on them.
        log.warn("Sample partnerships not (all) started: {}", e.toString());
      }
    }, "sample-partnerships");
    thread.setDaemon(true);
    thread.start();
  }

  void createSamples() {
    if (partnerships.count() > 0) {
      return;
    }
    for (Course course : Course.values()) {
      qualifications.qualify("facilitator", course);
    }
    start(sample("Springfield Unified", "0612345", "CA", "Ana Ruiz", "ana.ruiz@springfield.k12.ca.us",
        "Springfield High", "HIGH", "CSP", 2, "Lee Park", "lpark@springfield.k12.ca.us", true, 25));
    start(sample("Lakeview Elementary District", "2600789", "MI", "Grace Lin", "glin@lakeview.k12.mi.us",
        "Lakeview Elementary", "ELEMENTARY", "CSF", 4, "Ben Carter", "bcarter@lakeview.k12.mi.us", false, 8));

    ProcessInstance hillValley = start(sample("Hill Valley Unified", "0698765", "CA", "Marty Brown",
        "mbrown@hillvalley.k12.ca.us", "Hill Valley High", "HIGH", "ECS", 3, "Lorraine Baines",
        "lbaines@hillvalley.k12.ca.us", true, 15));
    completeTask(hillValley, Map.of("reviewDecision", "REQUEST_INFORMATION",
        "informationRequest", "Which period will ECS be taught in, and by how many teachers?"));

    ProcessInstance riverside = start(sample("Riverside County Schools", "1700456", "IL", "Omar Haddad",
        "ohaddad@riverside.k12.il.us", "Riverside Middle", "MIDDLE", "CS_ALGEBRA", 3, "June Okafor",
        "jokafor@riverside.k12.il.us", true, 50));
    completeTask(riverside, Map.of("reviewDecision", "ACCEPT"));

    ProcessInstance cedarGrove = start(sample("Cedar Grove Schools", "3400321", "NJ", "Priya Natarajan",
        "pnatarajan@cedargrove.k12.nj.us", "Cedar Grove High", "HIGH", "CSP", 2, "Tom Reyes",
        "treyes@cedargrove.k12.nj.us", true, 100));
    completeTask(cedarGrove, Map.of("reviewDecision", "ACCEPT"));
    completeTask(cedarGrove, Map.of("signatoryName", "Dr. Helen Park, Superintendent", "agreementSignedOn", "2027-02-01"));
    String reference = cedarGrove.getBusinessKey();
    tx.executeWithoutResult(status -> planSubmissions.submit(reference, tokens.tokenFor(reference, 1), new PlanSections(
        "Every Cedar Grove graduate has taken a computer science course by 2030.",
        "CSP in grade 11 at Cedar Grove High, two sections from fall 2027.",
        "Course fair for grade 10, family information night, posters from the marketing kit.",
        "The school board endorsed the plan; a local software firm hosts job-shadow days.")));


    ProcessInstance mapleRidge = start(sample("Maple Ridge Unified", "0655501", "CA", "Rosa Diaz",
        "rdiaz@mapleridge.k12.ca.us", "Maple Ridge High", "HIGH", "ECS", 2, "Sam Okoro",
        "sokoro@mapleridge.k12.ca.us", true, 40));
    completeTask(mapleRidge, Map.of("reviewDecision", "ACCEPT"));
    completeTask(mapleRidge, Map.of("signatoryName", "Dr. Alan Cho, Superintendent", "agreementSignedOn", "2027-01-20"));
    String mapleReference = mapleRidge.getBusinessKey();
    tx.executeWithoutResult(status -> planSubmissions.submit(mapleReference, tokens.tokenFor(mapleReference, 1),
        new PlanSections("Computer science in every Maple Ridge high school by 2029.",
            "ECS in grade 9 at Maple Ridge High, two sections from fall 2027.",
            "Student showcase night and posters in every counselor's office.",
            "The PTA and the city library host weekend coding clubs.")));
    completeTask(mapleRidge, Map.of("planDecision", "APPROVE"));

    log.info("Started 6 sample partnerships; log in to Tasklist as 'manager', 'pdmanager' or 'liaison' to work on them");
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY, variables);
  }

  private void completeTask(ProcessInstance instance, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(taskId, variables);
    runAsyncSteps(instance.getBusinessKey());
  }

  /**
   * Runs the async steps of the partnership's instances (lifecycle and PD) now; the job executor
   * may take one first, which is just as good.
   */
  private void runAsyncSteps(String reference) {
    for (int attempt = 0; attempt < 100; attempt++) {
      java.util.Set<String> instances = new java.util.HashSet<>(runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(reference).list().stream().map(ProcessInstance::getId).toList());
      List<Job> jobs = instances.isEmpty() ? List.of() : managementService.createJobQuery().processInstanceIds(instances)
          .executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (OptimisticLockingException | BadUserRequestException takenByTheJobExecutor) {
          sleep();
        } catch (ProcessEngineException e) {
          // "ENGINE-14026 No job found": the job executor ran it between the query and here.
          if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          }
        }
      }
    }
    throw new IllegalStateException("Async steps of sample " + reference + " did not finish");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
