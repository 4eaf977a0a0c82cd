package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A PD manager schedules a workshop (starting its {@code pd-workshop} instance) or changes its dates. */
@Service
@Transactional
public class WorkshopScheduling {

  private static final Logger log = LoggerFactory.getLogger(WorkshopScheduling.class);

  static final Duration CLOSE_REMINDER_AFTER = Duration.ofDays(2);

  private final WorkshopRepository workshops;
  private final RuntimeService runtimeService;
  private final LifecycleMessages messages;
  private final Clock clock;

  public WorkshopScheduling(WorkshopRepository workshops, RuntimeService runtimeService, LifecycleMessages messages,
      Clock clock) {
    this.workshops = workshops;
    this.runtimeService = runtimeService;
    this.messages = messages;
    this.clock = clock;
  }

  public record Request(Course course, int phaseNumber, String title, String region, String location, int capacity,
      List<SessionTimes> sessions) {
  }

  /**
   * Saves the workshop and starts its {@code pd-workshop} instance, whose business key is the
   * workshop's reference ("WS-00001").
   *
   * @param organizer user id of the PD manager, who is asked to close the workshop
   */
  public Workshop schedule(Request request, String organizer) {
    Workshop workshop = workshops.save(new Workshop("WS-PENDING", request.course(), request.phaseNumber(),
        request.title(), request.region(), request.location(), request.capacity(), organizer, request.sessions(),
        clock.instant()));
    workshops.flush();
    String reference = String.format("WS-%05d", workshop.getId());
    workshop.assignReference(reference);
    Map<String, Object> variables = new HashMap<>(timers(workshop));
    WorkshopProcess.WORKSHOP_ID.putIn(variables, workshop.getId());
    WorkshopProcess.WORKSHOP_REFERENCE.putIn(variables, reference);
    WorkshopProcess.WORKSHOP_TITLE.putIn(variables, workshop.getTitle());
    WorkshopProcess.ORGANIZER.putIn(variables, organizer);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(WorkshopProcess.PROCESS_KEY, reference, variables);
    workshop.attachProcessInstance(instance.getId());
    log.info("Workshop {} ({} phase {}) scheduled by {}", reference, request.course(), request.phaseNumber(), organizer);
    return workshop;
  }

  /**
   * New dates before the first session; the enrolled get new invites and the reminders move.
   *
   * @throws UnknownWorkshopException when no workshop has the reference (404)
   * @throws NotWaitingException when the workshop has started or closed, or its instance is not
   *     between enrolment and the first session (409)
   */
  public Workshop reschedule(String reference, List<SessionTimes> sessions) {
    Workshop workshop = find(reference);
    if (workshop.getStatus() == WorkshopStatus.CLOSED || workshop.hasStarted(clock.instant())) {
      throw new NotWaitingException("Workshop " + reference + " has started; its dates can no longer change");
    }
    workshop.reschedule(sessions);
    workshops.flush();
    messages.deliver(WorkshopProcess.MESSAGE_RESCHEDULED, reference, timers(workshop),
        "Workshop " + reference + " is not waiting for its first session; its dates cannot change now");
    return workshop;
  }

  /** @throws UnknownWorkshopException when no workshop has the reference (404) */
  @Transactional(readOnly = true)
  public Workshop find(String reference) {
    return workshops.findByReference(reference).orElseThrow(() -> new UnknownWorkshopException(reference));
  }

  /** The process's timers: reminders exactly 10 and 3 days before the first session, the close reminder. */
  static Map<String, Object> timers(Workshop workshop) {
    Map<String, Object> timers = new HashMap<>();
    WorkshopProcess.REMINDER_TEN_DAYS_AT.putIn(timers, Date.from(workshop.firstSessionStart().minus(Duration.ofDays(10))));
    WorkshopProcess.REMINDER_THREE_DAYS_AT.putIn(timers, Date.from(workshop.firstSessionStart().minus(Duration.ofDays(3))));
    WorkshopProcess.FIRST_SESSION_AT.putIn(timers, Date.from(workshop.firstSessionStart()));
    WorkshopProcess.CLOSE_REMINDER_AT.putIn(timers, Date.from(workshop.lastSessionEnd().plus(CLOSE_REMINDER_AFTER)));
    return WorkshopProcess.SESSION_COUNT.putIn(timers, workshop.getSessions().size());
  }
}
