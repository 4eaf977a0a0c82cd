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
  private final Clock clock;

  public WorkshopScheduling(WorkshopRepository workshops, RuntimeService runtimeService, Clock clock) {
    this.workshops = workshops;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  public record Request(Course course, int phaseNumber, String title, String region, String location, int capacity,
      List<SessionTimes> sessions) {
  }

  public Workshop schedule(Request request, String organizer) {
    Workshop workshop = workshops.save(new Workshop("WS-PENDING", request.course(), request.phaseNumber(),
        request.title(), request.region(), request.location(), request.capacity(), organizer, request.sessions(),
        clock.instant()));
    workshops.flush();
    String reference = String.format("WS-%05d", workshop.getId());
    workshop.assignReference(reference);
    Map<String, Object> variables = new HashMap<>(timers(workshop));
    variables.put(WorkshopProcess.VAR_WORKSHOP_ID, workshop.getId());
    variables.put("workshopReference", reference);
    variables.put("workshopTitle", workshop.getTitle());
    variables.put("organizer", organizer);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(WorkshopProcess.PROCESS_KEY, reference, variables);
    workshop.attachProcessInstance(instance.getId());
    log.info("Workshop {} ({} phase {}) scheduled by {}", reference, request.course(), request.phaseNumber(), organizer);
    return workshop;
  }

  /** New dates before the first session; the enrolled get new invites and the reminders move. */
  public Workshop reschedule(String reference, List<SessionTimes> sessions) {
    Workshop workshop = find(reference);
    if (workshop.getStatus() == WorkshopStatus.CLOSED || workshop.hasStarted(clock.instant())) {
      throw new NotWaitingException("Workshop " + reference + " has started; its dates can no longer change");
    }
    workshop.reschedule(sessions);
    workshops.flush();
    runtimeService.createMessageCorrelation(WorkshopProcess.MESSAGE_RESCHEDULED)
        .processInstanceBusinessKey(reference)
        .setVariables(timers(workshop))
        .correlateWithResult();
    return workshop;
  }

  @Transactional(readOnly = true)
  public Workshop find(String reference) {
    return workshops.findByReference(reference).orElseThrow(() -> new UnknownWorkshopException(reference));
  }

  /** The process's timers: reminders exactly 10 and 3 days before the first session, the close reminder. */
  static Map<String, Object> timers(Workshop workshop) {
    return Map.of(
        "reminderTenDaysAt", Date.from(workshop.firstSessionStart().minus(Duration.ofDays(10))),
        "reminderThreeDaysAt", Date.from(workshop.firstSessionStart().minus(Duration.ofDays(3))),
        "firstSessionAt", Date.from(workshop.firstSessionStart()),
        "closeReminderAt", Date.from(workshop.lastSessionEnd().plus(CLOSE_REMINDER_AFTER)),
        "sessionCount", workshop.getSessions().size());
  }
}
