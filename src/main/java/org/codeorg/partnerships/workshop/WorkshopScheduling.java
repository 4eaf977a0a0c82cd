package org.codeorg.partnerships.workshop;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.pd.PlannedPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** A PD manager schedules a workshop (starting its {@code pd-workshop} instance) or changes its dates. */
@Service
@Transactional
@Validated
public class WorkshopScheduling {

  private static final Logger log = LoggerFactory.getLogger(WorkshopScheduling.class);

  static final Duration CLOSE_REMINDER_AFTER = Duration.ofDays(2);
  private static final DateTimeFormatter STARTS =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private final WorkshopRepository workshops;
  private final WorkshopPhases phases;
  private final RuntimeService runtimeService;
  private final LifecycleMessages messages;
  private final Clock clock;
  private final jakarta.validation.Validator validator;
  private final WorkshopPreparation preparation;
  private final WorkshopNotifications notifications;
  private final org.camunda.bpm.engine.TaskService taskService;

  public WorkshopScheduling(WorkshopRepository workshops, WorkshopPhases phases, RuntimeService runtimeService,
      LifecycleMessages messages, Clock clock, jakarta.validation.Validator validator,
      WorkshopPreparation preparation, WorkshopNotifications notifications, org.camunda.bpm.engine.TaskService taskService) {
    this.validator = validator;
    this.preparation = preparation;
    this.notifications = notifications;
    this.taskService = taskService;
    this.workshops = workshops;
    this.phases = phases;
    this.runtimeService = runtimeService;
    this.messages = messages;
    this.clock = clock;
  }

  public record Request(Course course, int phaseNumber, String title, String region, String location, int capacity,
      ZoneId zone, List<SessionTimes> sessions) {
  }

  /**
   * Schedules a workshop as a PD manager planned it. Without a title it is named after course,
   * phase and first day ("Exploring Computer Science, phase 2: Summer workshop, July 12, 2027").
   *
   * @param organizer the PD manager's user id
   * @throws jakarta.validation.ConstraintViolationException every broken rule of the plan, nothing written (400, each
   *     field named)
   */
  public Workshop schedule(@Valid WorkshopPlan plan, String organizer) {
    return schedule(request(plan), organizer);
  }

  private Request request(WorkshopPlan plan) {
    Course course = Course.valueOf(plan.course().trim());
    PlannedPhase phase = phases.find(course, plan.phase()).orElseThrow();
    List<SessionTimes> sessions = SessionSchedule.Check.times(plan.sessions());
    String title = plan.title() == null || plan.title().isBlank()
        ? course.title() + ", phase " + phase.number() + ": " + phase.name() + ", "
          + STARTS.format(sessions.get(0).startsAt().atZone(plan.zone()))
        : plan.title().trim();
    return new Request(course, phase.number(), title, plan.region().trim(), plan.location().trim(),
        plan.capacity(), plan.zone(), sessions);
  }

  /**
   * The Tasklist start form "Schedule a workshop" ({@link StartFormWorkshop}), checked like
   * {@code POST /api/workshops}, becomes a workshop of the instance it started.
   *
   * @param formVariables the instance's variables, the form's fields among them
   * @param organizer the PD manager who submitted the form
   * @return the workshop and the variables its instance needs (ids, title, organizer, timers)
   * @throws InvalidWorkshopPlanException every broken rule, named by the form's field; nothing is written and
   *     Tasklist's submission is answered with 400
   */
  public Map<String, Object> recordStartForm(Map<String, Object> formVariables, String organizer,
      String processInstanceId) {
    StartFormWorkshop.Read read = StartFormWorkshop.read(formVariables);
    List<org.codeorg.partnerships.common.FieldViolation> violations = new java.util.ArrayList<>(read.violations());
    for (var violation : org.codeorg.partnerships.common.FieldViolations.check(validator, read.plan())) {
      String field = StartFormWorkshop.formField(violation.field());
      boolean aboutUnreadSession = read.unread().stream().anyMatch(n -> field.startsWith("session" + n));
      if (!aboutUnreadSession) {
        violations.add(new org.codeorg.partnerships.common.FieldViolation(field, violation.message()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidWorkshopPlanException(violations);
    }
    Workshop workshop = create(request(read.plan()), organizer);
    workshop.attachProcessInstance(processInstanceId);
    log.info("Workshop {} ({} phase {}) scheduled by {} in Tasklist", workshop.getReference(), workshop.getCourse(),
        workshop.getPhaseNumber(), organizer);
    return startVariables(workshop);
  }

  /** Schedules an already checked request (the benchmark's shortcut past the plan's rules). */
  public Workshop schedule(Request request, String organizer) {
    Workshop workshop = create(request, organizer);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(WorkshopProcess.PROCESS_KEY,
        workshop.getReference(), startVariables(workshop));
    workshop.attachProcessInstance(instance.getId());
    log.info("Workshop {} ({} phase {}) scheduled by {}", workshop.getReference(), request.course(),
        request.phaseNumber(), organizer);
    return workshop;
  }

  private Workshop create(Request request, String organizer) {
    Workshop workshop = workshops.save(new Workshop("WS-PENDING", request.course(), request.phaseNumber(),
        request.title(), request.region(), request.location(), request.capacity(), request.zone(), organizer, request.sessions(),
        clock.instant()));
    workshops.flush();
    String reference = String.format("WS-%05d", workshop.getId());
    workshop.assignReference(reference);
    return workshop;
  }

  private static Map<String, Object> startVariables(Workshop workshop) {
    Map<String, Object> variables = new HashMap<>(timers(workshop));
    WorkshopProcess.WORKSHOP_ID.putIn(variables, workshop.getId());
    WorkshopProcess.WORKSHOP_REFERENCE.putIn(variables, workshop.getReference());
    WorkshopProcess.WORKSHOP_TITLE.putIn(variables, workshop.getTitle());
    return WorkshopProcess.ORGANIZER.putIn(variables, workshop.getOrganizer());
  }

  /**
   * New dates before the first session; the enrolled get new invites and the reminders move. A
   * session dropped by the change (fewer sessions than before) gets a {@code METHOD:CANCEL} update
   * with its UID to the enrolled and the facilitator; the open tasks' cards show the new first
   * session. The dates it has already (a repeated request) change nothing and send nothing.
   *
   * @throws jakarta.validation.ConstraintViolationException the sessions break {@link SessionSchedule} (400)
   * @throws UnknownWorkshopException no workshop with this reference (404)
   * @throws NotWaitingException the workshop has started or is closed, or its instance is not between enrolment
   *     and the first session (409)
   * @throws org.codeorg.partnerships.common.ConcurrentChangeException another change of the same workshop ran at the
   *     same moment and won; this one changed nothing (409)
   */
  @ConcurrentSubmission(value = "The workshop's dates were changed by another request at the same moment; reload to see them", retry = false)
  public Workshop reschedule(String reference, @Valid WorkshopPlan.NewDates dates) {
    List<SessionTimes> sessions = SessionSchedule.Check.times(dates.sessions());
    Workshop workshop = find(reference);
    if (workshop.getStatus() == WorkshopStatus.CLOSED || workshop.hasStarted(clock.instant())) {
      throw new NotWaitingException("Workshop " + reference + " has started; its dates can no longer change");
    }
    if (workshop.hasSessions(sessions)) {
      return workshop;
    }
    // A session's UID is its number (WorkshopCalendar): the numbers past the new count no longer take place.
    List<WorkshopCalendar.Event> dropped = workshop.getSessions().stream()
        .filter(s -> s.getSessionNumber() > sessions.size()).map(WorkshopCalendar.Event::of).toList();
    workshop.reschedule(sessions);
    workshops.flush();
    Map<String, Object> timers = timers(workshop);
    messages.deliver(WorkshopProcess.MESSAGE_RESCHEDULED, reference, timers,
        "Workshop " + reference + " is not waiting for its first session; its dates cannot change now");
    if (!dropped.isEmpty()) {
      notifications.sessionsDropped(workshop, dropped);
    }
    if (workshop.getProcessInstanceId() != null) {
      // Each task keeps its own copy of what its card shows (PartnershipTaskContext): bring it up to date.
      taskService.createTaskQuery().processInstanceId(workshop.getProcessInstanceId()).list()
          .forEach(task -> taskService.setVariableLocal(task.getId(), WorkshopProcess.FIRST_SESSION_LOCAL.name(),
              WorkshopProcess.FIRST_SESSION_LOCAL.from(timers)));
    }
    log.info("Workshop {}: new dates (revision {}), {} session(s) dropped", reference, workshop.getDatesRevision(),
        dropped.size());
    return workshop;
  }

  /**
   * Cancels a workshop that has not ended: its instance sends the reason with a CANCEL calendar
   * update to every enrolled and waitlisted teacher and the facilitator, cancels the vendor's order
   * by email, and each enrolled teacher's phase waits for a seat again.
   *
   * @throws jakarta.validation.ConstraintViolationException no reason, or one over 1000 characters (400)
   * @throws UnknownWorkshopException no workshop with this reference (404)
   * @throws NotWaitingException the workshop is closed or cancelled already, or its last session is over (409)
   * @throws org.codeorg.partnerships.common.ConcurrentChangeException another change won the race (409)
   */
  @ConcurrentSubmission(value = "The workshop was changed by another request at the same moment; reload to see it", retry = false)
  public Workshop cancel(String reference, @Valid WorkshopPlan.Cancellation cancellation) {
    Workshop workshop = find(reference);
    if (workshop.getStatus() == WorkshopStatus.CLOSED || workshop.getStatus() == WorkshopStatus.CANCELLED
        || !workshop.lastSessionEnd().isAfter(clock.instant())) {
      throw new NotWaitingException("Workshop " + reference + " is " + (workshop.getStatus() == WorkshopStatus.CANCELLED
          ? "cancelled already" : "over") + "; it can no longer be cancelled");
    }
    workshop.cancel(org.codeorg.partnerships.common.ControlCharacters.trimSpaces(cancellation.reason()), clock.instant());
    workshops.flush();
    messages.deliver(WorkshopProcess.MESSAGE_CANCELLED, reference, Map.of(),
        "Workshop " + reference + " has no running instance to cancel");
    log.info("Workshop {} cancelled", reference);
    return workshop;
  }

  /**
   * Another facilitator leads the workshop (and becomes qualified for its course): they get the
   * invite, the former one a CANCEL update; open attendance tasks go to them, and so do later ones.
   *
   * @throws jakarta.validation.ConstraintViolationException no user id (400)
   * @throws InvalidWorkshopPlanException the user is not in the facilitators group, or already leads it (400, field
   *     {@code facilitator})
   * @throws UnknownWorkshopException no workshop with this reference (404)
   * @throws NotWaitingException the workshop is closed, cancelled or over, or has no facilitator yet (409)
   */
  @ConcurrentSubmission(value = "The workshop was changed by another request at the same moment; reload to see it", retry = false)
  public Workshop replaceFacilitator(String reference, @Valid WorkshopPlan.FacilitatorChange change) {
    Workshop workshop = find(reference);
    if (workshop.getStatus() == WorkshopStatus.CLOSED || workshop.getStatus() == WorkshopStatus.CANCELLED
        || !workshop.lastSessionEnd().isAfter(clock.instant()) || workshop.getFacilitator() == null) {
      throw new NotWaitingException("Workshop " + reference + " has no facilitator to replace now");
    }
    String next = change.facilitator().trim();
    if (!preparation.isFacilitator(next)) {
      throw new InvalidWorkshopPlanException(List.of(new org.codeorg.partnerships.common.FieldViolation("facilitator",
          "must be a user of the facilitators group")));
    }
    if (next.equals(workshop.getFacilitator())) {
      throw new InvalidWorkshopPlanException(List.of(new org.codeorg.partnerships.common.FieldViolation("facilitator",
          "leads this workshop already")));
    }
    String former = workshop.getFacilitator();
    workshop.replaceFacilitator(next);
    preparation.qualify(next, workshop.getCourse());
    workshops.flush();
    if (workshop.getProcessInstanceId() != null) {
      runtimeService.setVariable(workshop.getProcessInstanceId(), WorkshopProcess.FACILITATOR.name(), next);
      taskService.createTaskQuery().processInstanceId(workshop.getProcessInstanceId())
          .taskDefinitionKey(WorkshopProcess.TASK_RECORD_ATTENDANCE).list()
          .forEach(task -> taskService.setAssignee(task.getId(), next));
    }
    notifications.facilitatorReplaced(workshop, former);
    log.info("Workshop {}: facilitator {} replaced by {}", reference, former, next);
    return workshop;
  }

  /** @throws UnknownWorkshopException no workshop with this reference (404) */
  @Transactional(readOnly = true)
  public Workshop find(String reference) {
    return workshops.findByReference(reference).orElseThrow(() -> new UnknownWorkshopException(reference));
  }

  /** The first session as a task card shows it ({@link WorkshopProcess#FIRST_SESSION_LOCAL}). */
  static String firstSessionLocal(Workshop workshop) {
    return WorkshopTimeZones.moment(workshop.firstSessionStart(), workshop.zone());
  }

  /**
   * The process's timers: reminders 10 and 3 calendar days before the first session at the same
   * local time of day in the workshop's zone (across a daylight-saving change that is 10 days and
   * one hour more or less, not 240 hours), the close reminder.
   */
  static Map<String, Object> timers(Workshop workshop) {
    Map<String, Object> timers = new HashMap<>();
    ZonedDateTime firstStart = workshop.firstSessionStart().atZone(workshop.zone());
    WorkshopProcess.REMINDER_TEN_DAYS_AT.putIn(timers, Date.from(firstStart.minusDays(10).toInstant()));
    WorkshopProcess.REMINDER_THREE_DAYS_AT.putIn(timers, Date.from(firstStart.minusDays(3).toInstant()));
    WorkshopProcess.FIRST_SESSION_AT.putIn(timers, Date.from(workshop.firstSessionStart()));
    WorkshopProcess.FIRST_SESSION_LOCAL.putIn(timers, firstSessionLocal(workshop));
    WorkshopProcess.CLOSE_REMINDER_AT.putIn(timers, Date.from(workshop.lastSessionEnd().plus(CLOSE_REMINDER_AFTER)));
    return WorkshopProcess.SESSION_COUNT.putIn(timers, workshop.getSessions().size());
  }
}
