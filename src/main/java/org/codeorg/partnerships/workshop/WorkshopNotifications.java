package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.pd.PdProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every email of a {@code pd-workshop}: the vendor's order, enrolment and waitlist notices with a
 * calendar invite, the 10- and 3-day reminders, new dates, the organizer's close reminder and the
 * exit survey. Emails go through the outbox, so a repeated step does not send twice. Called by the
 * model's delegates (and by {@link WorkshopEnrolment}); an exception is an incident on the step,
 * never an HTTP answer.
 */
@Service
@Transactional
public class WorkshopNotifications {

  private static final Logger log = LoggerFactory.getLogger(WorkshopNotifications.class);

  private final WorkshopRepository workshops;
  private final WorkshopSeatRepository seats;
  private final WorkshopAttendanceRepository attendance;
  private final TeacherRepository teachers;
  private final org.codeorg.partnerships.pd.PdPhaseRepository phases;
  private final PartnershipEmails partnershipEmails;
  private final MailOutbox outbox;
  private final OutboxMailProperties mailProperties;
  private final PdProperties pdProperties;
  private final IdentityService identityService;
  private final Clock clock;

  public WorkshopNotifications(WorkshopRepository workshops, WorkshopSeatRepository seats,
      WorkshopAttendanceRepository attendance, TeacherRepository teachers,
      org.codeorg.partnerships.pd.PdPhaseRepository phases, PartnershipEmails partnershipEmails,
      MailOutbox outbox, OutboxMailProperties mailProperties, PdProperties pdProperties, IdentityService identityService,
      Clock clock) {
    this.workshops = workshops;
    this.seats = seats;
    this.attendance = attendance;
    this.teachers = teachers;
    this.phases = phases;
    this.partnershipEmails = partnershipEmails;
    this.outbox = outbox;
    this.mailProperties = mailProperties;
    this.pdProperties = pdProperties;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * Orders materials and meals from the vendor for the capacity and the facilitator.
   *
   * @throws IllegalStateException when the workshop does not exist
   */
  public void orderMaterialsAndMeals(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    Map<String, Object> model = workshopModel(workshop);
    model.put("headcount", workshop.getCapacity() + 1);
    model.put("materialsList", pdProperties.workshopMaterials());
    outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_ORDER, pdProperties.vendorEmail(), organizerEmail(workshop),
        model, null, processInstanceId, null));
  }

  /**
   * The teacher has a seat: the notice carries the calendar invite and the seat's "give up my
   * seat" link ({@code /district/seats/{token}}).
   */
  void enrolled(Workshop workshop, Teacher teacher, WorkshopSeat seat, String processInstanceId) {
    Map<String, Object> model = teacherModel(workshop, teacher);
    model.put("giveUpLink", giveUpLink(seat));
    partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_WORKSHOP_ENROLLED,
        processInstanceId, null, model, invite(workshop, teacher));
  }

  /** The seat's public "give up my seat" page, or "" for a seat without a token. */
  private String giveUpLink(WorkshopSeat seat) {
    return seat.getGiveUpToken() == null ? ""
        : partnershipEmails.publicLink("/district/seats/" + seat.getGiveUpToken());
  }

  /**
   * The teacher gave the seat up: a confirmation with a {@code METHOD:CANCEL} update of their invite
   * (same UIDs, the workshop's raised SEQUENCE). Through the outbox, once per seat.
   */
  void seatReleased(Workshop workshop, Teacher teacher, String processInstanceId) {
    String organizer = organizerEmail(workshop);
    partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_WORKSHOP_SEAT_RELEASED,
        processInstanceId, null, teacherModel(workshop, teacher), WorkshopCalendar.cancellation(workshop,
            new WorkshopCalendar.Recipient(teacher.getName(), teacher.getEmail()), organizer, clock.instant()));
  }

  /** @param position the teacher's place on the waitlist, from 1 */
  void waitlisted(Workshop workshop, Teacher teacher, int position, String processInstanceId) {
    Map<String, Object> model = teacherModel(workshop, teacher);
    model.put("waitlistPosition", position);
    partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_WORKSHOP_WAITLISTED,
        processInstanceId, null, model, null);
  }

  /**
   * The reminder of {@code daysBefore} to every enrolled teacher and the facilitator. A reminder
   * whose day has passed (the workshop was scheduled late) is skipped.
   *
   * @return how many emails were queued
   * @throws IllegalStateException when the workshop does not exist
   */
  public int remind(Long workshopId, int daysBefore, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    Instant lastMoment = workshop.firstSessionStart().atZone(workshop.zone()).minusDays(daysBefore - 1L).toInstant();
    if (clock.instant().isAfter(lastMoment)) {
      log.info("Workshop {}: {}-day reminder skipped, its day has passed", workshop.getReference(), daysBefore);
      return 0;
    }
    String occurrence = daysBefore + "-days-rev-" + workshop.getDatesRevision();
    return toEnrolledAndFacilitator(workshop, Milestone.PD_WORKSHOP_REMINDER, processInstanceId, occurrence,
        Map.of("daysBefore", daysBefore));
  }

  /**
   * The updated invite to every enrolled teacher and the facilitator, once per dates revision.
   *
   * @return how many emails were queued
   * @throws IllegalStateException when the workshop does not exist
   */
  public int notifyNewDates(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    return toEnrolledAndFacilitator(workshop, Milestone.PD_WORKSHOP_RESCHEDULED, processInstanceId,
        "rev-" + workshop.getDatesRevision(), Map.of());
  }

  /**
   * A reschedule dropped sessions (the workshop has fewer now): every enrolled teacher and the
   * facilitator get a {@code METHOD:CANCEL} update withdrawing them by their UIDs, beside the
   * updated invite of the remaining sessions that the workshop's instance sends
   * ({@link #notifyNewDates}). Once per dates revision (the outbox's occurrence).
   *
   * @param dropped the removed sessions as they were
   * @return how many emails were queued
   */
  public int sessionsDropped(Workshop workshop, java.util.List<WorkshopCalendar.Event> dropped) {
    String organizer = organizerEmail(workshop);
    String occurrence = "dropped-rev-" + workshop.getDatesRevision();
    int sent = 0;
    for (WorkshopSeat seat : seats.enrolled(workshop.getId())) {
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = teacherModel(workshop, teacher);
      model.put("droppedSessions", WorkshopCalendar.sessions(workshop, dropped));
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_WORKSHOP_SESSIONS_DROPPED,
          workshop.getProcessInstanceId(), occurrence, model, WorkshopCalendar.droppedSessions(workshop, dropped,
              new WorkshopCalendar.Recipient(teacher.getName(), teacher.getEmail()), organizer, clock.instant()));
      sent++;
    }
    User facilitator = user(workshop.getFacilitator());
    if (facilitator != null && facilitator.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.put("recipientName", facilitator.getFirstName() + " " + facilitator.getLastName());
      model.put("droppedSessions", WorkshopCalendar.sessions(workshop, dropped));
      outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_SESSIONS_DROPPED, facilitator.getEmail(), organizer, model,
          null, workshop.getProcessInstanceId(), occurrence, WorkshopCalendar.droppedSessions(workshop, dropped,
              recipient(facilitator), organizer, clock.instant())));
      sent++;
    }
    return sent;
  }

  /**
   * The workshop is cancelled: every enrolled and waitlisted teacher and the facilitator get the
   * reason and a {@code METHOD:CANCEL} calendar update; the vendor's order is cancelled by email.
   * Each enrolled teacher's phase waits for a seat again. Through the outbox, so a retried step
   * sends nothing twice.
   *
   * @return how many emails were queued
   * @throws IllegalStateException when the workshop does not exist
   */
  public int cancelled(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    String organizer = organizerEmail(workshop);
    int sent = 0;
    for (WorkshopSeat seat : seats.findByWorkshopIdOrderByPositionAscIdAsc(workshopId)) {
      if (seat.getStatus() == SeatStatus.RELEASED) {
        // Given up earlier: that teacher's invite was withdrawn then.
        continue;
      }
      if (seat.getStatus() != SeatStatus.CANCELLED) {
        if (seat.getStatus() == SeatStatus.ENROLLED) {
          phases.findById(seat.getPdPhaseId()).ifPresent(org.codeorg.partnerships.pd.PdPhase::unseat);
        }
        seat.cancel();
      }
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = teacherModel(workshop, teacher);
      model.put("cancellationReason", workshop.getCancellationReason());
      model.put("teacher", true);
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_WORKSHOP_CANCELLED,
          processInstanceId, null, model, WorkshopCalendar.cancellation(workshop,
              new WorkshopCalendar.Recipient(teacher.getName(), teacher.getEmail()), organizer, clock.instant()));
      sent++;
    }
    User facilitator = user(workshop.getFacilitator());
    if (facilitator != null && facilitator.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.put("recipientName", facilitator.getFirstName() + " " + facilitator.getLastName());
      model.put("cancellationReason", workshop.getCancellationReason());
      model.put("teacher", false);
      outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_CANCELLED, facilitator.getEmail(), organizer, model, null,
          processInstanceId, null, WorkshopCalendar.cancellation(workshop, recipient(facilitator), organizer,
              clock.instant())));
      sent++;
    }
    Map<String, Object> order = workshopModel(workshop);
    if (workshop.getVendorConfirmation() != null) {
      order.put("vendorConfirmation", workshop.getVendorConfirmation());
    }
    outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_ORDER_CANCELLED, pdProperties.vendorEmail(), organizer,
        order, null, processInstanceId, null));
    return sent + 1;
  }

  /**
   * The facilitator was replaced: the new one gets the invite ({@code METHOD:REQUEST}), the former
   * one a {@code METHOD:CANCEL} update with the reason, both at the workshop's new SEQUENCE.
   *
   * @throws IllegalStateException when the workshop does not exist
   */
  public void facilitatorReplaced(Workshop workshop, String formerUserId) {
    String organizer = organizerEmail(workshop);
    String occurrence = "seq-" + workshop.getCalendarSequence();
    User former = user(formerUserId);
    if (former != null && former.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.put("recipientName", former.getFirstName() + " " + former.getLastName());
      model.put("cancellationReason", "Another facilitator leads this workshop; thank you for your availability.");
      model.put("teacher", false);
      outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_CANCELLED, former.getEmail(), organizer, model, null,
          workshop.getProcessInstanceId(), occurrence, WorkshopCalendar.cancellation(workshop, recipient(former),
              organizer, clock.instant())));
    }
    User next = user(workshop.getFacilitator());
    if (next != null && next.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.put("recipientName", next.getFirstName() + " " + next.getLastName());
      outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_FACILITATOR_ASSIGNED, next.getEmail(), organizer, model,
          null, workshop.getProcessInstanceId(), occurrence, WorkshopCalendar.invite(workshop, recipient(next),
              organizer, clock.instant())));
    }
  }

  /** @throws IllegalStateException when the workshop does not exist */
  public void remindOrganizerToClose(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    Map<String, Object> model = workshopModel(workshop);
    model.put("lastSessionDate", WorkshopTimeZones.day(workshop.lastSessionEnd(), workshop.zone()));
    outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_CLOSE_REMINDER, organizerEmail(workshop), null, model, null,
        processInstanceId, null));
  }

  /**
   * The exit survey goes to attendees only: enrolled teachers present at one session at least.
   *
   * @return how many surveys were queued
   * @throws IllegalStateException when the workshop does not exist
   */
  public int sendExitSurveys(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
    Set<Long> attendees = attendance.findByWorkshopId(workshopId).stream().filter(WorkshopAttendance::isPresent)
        .map(WorkshopAttendance::getTeacherId).collect(Collectors.toSet());
    int sent = 0;
    for (WorkshopSeat seat : seats.enrolled(workshopId)) {
      if (!attendees.contains(seat.getTeacherId())) {
        continue;
      }
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = teacherModel(workshop, teacher);
      model.put("surveyLink", pdProperties.exitSurveyUrl() + "?workshop=" + workshop.getReference());
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_EXIT_SURVEY,
          processInstanceId, null, model, null);
      sent++;
    }
    return sent;
  }

  private int toEnrolledAndFacilitator(Workshop workshop, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra) {
    int sent = 0;
    for (WorkshopSeat seat : seats.enrolled(workshop.getId())) {
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = teacherModel(workshop, teacher);
      model.putAll(extra);
      // The reminder repeats the "give up my seat" link: seats enrolled before V16 got theirs only with V18.
      model.put("giveUpLink", giveUpLink(seat));
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), milestone, processInstanceId, occurrence,
          model, invite(workshop, teacher));
      sent++;
    }
    User facilitator = user(workshop.getFacilitator());
    if (facilitator != null && facilitator.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.putAll(extra);
      model.put("recipientName", facilitator.getFirstName() + " " + facilitator.getLastName());
      outbox.enqueue(new EmailRequest(milestone, facilitator.getEmail(), organizerEmail(workshop), model, null,
          processInstanceId, occurrence, WorkshopCalendar.invite(workshop, recipient(facilitator),
              organizerEmail(workshop), clock.instant())));
      sent++;
    }
    return sent;
  }

  private User user(String userId) {
    return userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
  }

  private static WorkshopCalendar.Recipient recipient(User user) {
    return new WorkshopCalendar.Recipient(user.getFirstName() + " " + user.getLastName(), user.getEmail());
  }

  private String invite(Workshop workshop, Teacher teacher) {
    return WorkshopCalendar.invite(workshop, new WorkshopCalendar.Recipient(teacher.getName(), teacher.getEmail()),
        organizerEmail(workshop), clock.instant());
  }

  private String organizerEmail(Workshop workshop) {
    User organizer = identityService.createUserQuery().userId(workshop.getOrganizer()).singleResult();
    return organizer != null && organizer.getEmail() != null ? organizer.getEmail() : mailProperties.defaultReplyTo();
  }

  private static Map<String, Object> teacherModel(Workshop workshop, Teacher teacher) {
    Map<String, Object> model = workshopModel(workshop);
    model.put("recipientName", teacher.getName());
    return model;
  }

  private static Map<String, Object> workshopModel(Workshop workshop) {
    Map<String, Object> model = new HashMap<>();
    model.put("workshopTitle", workshop.getTitle());
    model.put("workshopReference", workshop.getReference());
    model.put("location", workshop.getLocation());
    model.put("sessions", WorkshopCalendar.sessions(workshop));
    model.put("totalHours", workshop.totalHours());
    model.put("timeZone", workshop.getTimeZone());
    return model;
  }
}
