package org.codeorg.partnerships.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.codeorg.partnerships.mail.OutboxEmail;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The demo clock of the default start: moves the one clock of the application (the engine's
 * {@link ClockUtil}, which {@code engine.EngineClock} — the application's {@link Clock} bean — reads, so
 * timelines, the hours ledger, the outbox and the district pages move with the timers) forward, runs
 * every job that falls due on the way in due-date order, and lets the outbox send. A newcomer thus walks
 * the 18 months of a partnership in minutes.
 *
 * <p>Only with {@code partnership.demo.clock.enabled=true} (the default profile); the bean does not exist
 * otherwise, and the {@code prod} and {@code postgres} profiles refuse to start with it on
 * ({@code identity.ProductionCredentialsGuard}): a moved clock on shared data would fire real reminders.
 * The clock is per JVM: it is meant for one node on the H2 demo database, and it keeps running from the
 * new time (an offset). The offset is stored ({@link DemoClockOffset}) and restored on start, so a restart goes
 * on at the demo time the data is at.
 */
@Service
@ConditionalOnProperty(name = "partnership.demo.clock.enabled", havingValue = "true")
public class DemoClock {

  /** Largest step of one "by N days" move (two school years). */
  public static final int MAX_DAYS = 731;
  private static final int MAX_JOBS = 5000;
  private static final Logger log = LoggerFactory.getLogger(DemoClock.class);

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final OutboxSender outboxSender;
  private final OutboxEmailRepository outbox;
  private final Clock clock;
  private final DemoClockOffset offset;

  public DemoClock(ManagementService managementService, RuntimeService runtimeService,
      RepositoryService repositoryService, TaskService taskService, OutboxSender outboxSender,
      OutboxEmailRepository outbox, Clock clock, DemoClockOffset offset) {
    this.offset = offset;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.outboxSender = outboxSender;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A timer waiting in the engine: when it is due and what it is ("DP-2026-0001: Reminder after 7 days"). */
  public record PendingTimer(Instant due, String label) {
  }

  /** What one move did, for the page. Lists are in the order things happened. */
  public record Report(Instant from, Instant to, List<String> timersFired, int otherJobsRun, List<String> failures,
      List<String> tasksCreated, List<String> emailsSent, List<String> emailsNotSent) {
  }

  /** The application's current time (the engine's). */
  public Instant now() {
    return clock.instant();
  }

  /** The earliest timer waiting in the engine (active, retries left), if any. */
  public Optional<PendingTimer> nextTimer() {
    List<Job> next = managementService.createJobQuery().timers().active().withRetriesLeft()
        .orderByJobDuedate().asc().listPage(0, 1);
    return next.stream().findFirst().map(job -> new PendingTimer(job.getDuedate().toInstant(),
        label(job, new Labels())));
  }

  /**
   * Moves the clock to the next due timer (or stays, when none waits) and runs what is due.
   *
   * @return what happened
   */
  public synchronized Report toNextTimer() {
    Instant target = nextTimer().map(PendingTimer::due).filter(due -> due.isAfter(now())).orElse(now());
    return moveTo(target);
  }

  /**
   * Moves the clock forward by {@code days} whole days, stopping at every timer due on the way (in due-date
   * order, each at its own time, so a repeating reminder fires as often as it would have), and runs what is due.
   *
   * @param days 1 to {@link #MAX_DAYS}
   * @throws IllegalArgumentException for another number of days (the page shows it next to the field)
   */
  public synchronized Report forwardBy(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("Enter a whole number of days from 1 to " + MAX_DAYS);
    }
    return moveTo(now().plus(Duration.ofDays(days)));
  }

  private Report moveTo(Instant target) {
    Instant from = now();
    Set<String> openTasks = new HashSet<>();
    taskService.createTaskQuery().list().forEach(task -> openTasks.add(task.getId()));
    Labels labels = new Labels();
    Run run = new Run();
    runDueJobs(run, labels);
    for (int step = 0; step < MAX_JOBS; step++) {
      List<Job> next = managementService.createJobQuery().timers().active().withRetriesLeft()
          .duedateLowerThan(Date.from(target.plusMillis(1))).orderByJobDuedate().asc().listPage(0, 1);
      if (next.isEmpty()) {
        break;
      }
      Instant due = next.get(0).getDuedate().toInstant();
      if (due.isAfter(now())) {
        setClock(due);
      }
      int before = run.executed;
      runDueJobs(run, labels);
      deliverEmails();
      if (run.executed == before) {
        break; // the next timer could not run (locked by the job executor, failing): do not spin
      }
    }
    if (target.isAfter(now())) {
      setClock(target);
    }
    runDueJobs(run, labels);
    deliverEmails();

    List<String> tasks = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().taskCreatedAfter(Date.from(from.minusMillis(1)))
        .orderByTaskCreateTime().asc().list()) {
      if (!openTasks.contains(task.getId())) {
        tasks.add(task.getName() + " — " + labels.businessKey(task.getProcessInstanceId()));
      }
    }
    List<String> sent = new ArrayList<>();
    List<String> notSent = new ArrayList<>();
    for (OutboxEmail email : outbox.findByCreatedAtGreaterThanEqualOrderByIdAsc(from)) {
      String line = email.getSubject() + " → " + email.getRecipient();
      (email.getSentAt() != null ? sent : notSent).add(email.getSentAt() != null ? line
          : line + " (" + email.getStatus() + ")");
    }
    log.info("Demo clock moved from {} to {}: {} timers, {} other jobs, {} tasks, {} emails", from, now(),
        run.timers.size(), run.executed - run.timers.size(), tasks.size(), sent.size());
    return new Report(from, now(), run.timers, run.executed - run.timers.size(), run.failures, tasks, sent, notSent);
  }

  /** Every job due now (timers and asynchronous steps), one at a time, as the job executor would. */
  private void runDueJobs(Run run, Labels labels) {
    while (run.executed + run.skipped.size() < MAX_JOBS) {
      Optional<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc()
          .listPage(0, run.skipped.size() + 1).stream().filter(job -> !run.skipped.contains(job.getId())).findFirst();
      if (due.isEmpty()) {
        return;
      }
      Job job = due.get();
      String label = label(job, labels);
      boolean timer = labels.isTimer(job);
      try {
        managementService.executeJob(job.getId());
        run.executed++;
        if (timer) {
          run.timers.add(label);
        }
      } catch (OptimisticLockingException e) {
        // The job executor (on in the running application) ran this job at the same moment: done, not failed.
        run.skipped.add(job.getId());
      } catch (RuntimeException e) {
        // A failing step keeps its retries and becomes an incident, as with the job executor: go on.
        run.skipped.add(job.getId());
        run.failures.add(label + ": " + rootMessage(e));
      }
    }
  }

  private void deliverEmails() {
    for (int batch = 0; batch < 100; batch++) {
      if (outboxSender.deliverDue(now()).attempted() == 0) {
        return;
      }
    }
  }

  private void setClock(Instant instant) {
    // An offset, not a fixed time: the demo clock keeps running from the new time; stored for the next start.
    offset.moveTo(instant);
  }

  private String label(Job job, Labels labels) {
    return labels.businessKey(job.getProcessInstanceId()) + ": " + labels.element(job);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  private static final class Run {
    int executed;
    final Set<String> skipped = new HashSet<>();
    final List<String> timers = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
  }

  /** Names of instances and elements, looked up once per move. */
  private final class Labels {

    private final Map<String, String> businessKeys = new HashMap<>();
    private final Map<String, BpmnModelInstance> models = new HashMap<>();
    private final Map<String, JobDefinition> definitions = new HashMap<>();

    String businessKey(String processInstanceId) {
      if (processInstanceId == null) {
        return "engine";
      }
      return businessKeys.computeIfAbsent(processInstanceId, id -> {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        return instance == null || instance.getBusinessKey() == null ? id : instance.getBusinessKey();
      });
    }

    boolean isTimer(Job job) {
      JobDefinition definition = definition(job);
      return definition != null && definition.getJobType().startsWith("timer");
    }

    String element(Job job) {
      JobDefinition definition = definition(job);
      if (definition == null || job.getProcessDefinitionId() == null) {
        return "job " + job.getId();
      }
      BpmnModelInstance model = models.computeIfAbsent(job.getProcessDefinitionId(),
          repositoryService::getBpmnModelInstance);
      FlowElement element = model.getModelElementById(definition.getActivityId());
      String name = element == null || element.getName() == null ? definition.getActivityId()
          : element.getName().replaceAll("\\s+", " ");
      return name + (definition.getJobType().startsWith("timer") ? " (timer)" : "");
    }

    private JobDefinition definition(Job job) {
      if (job.getJobDefinitionId() == null) {
        return null;
      }
      return definitions.computeIfAbsent(job.getJobDefinitionId(),
          id -> managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult());
    }
  }
}
