package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.codeorg.partnerships.pd.PdPhaseStatus;
import org.codeorg.partnerships.pd.PdProperties;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess;
import org.codeorg.partnerships.pd.TeacherPdSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a {@code pd-workshop}: facilitator, materials and meals, enrolment with a waitlist,
 * reminders with calendar invites, attendance per session, closing with hours reported to each
 * teacher's {@code professional-development} instance, and exit surveys to attendees.
 */
@Service
@Transactional
public class WorkshopSteps {

  private static final Logger log = LoggerFactory.getLogger(WorkshopSteps.class);

  private final WorkshopRepository workshops;
  private final WorkshopSeatRepository seats;
  private final WorkshopAttendanceRepository attendance;
  private final PdPhaseRepository phases;
  private final TeacherRepository teachers;
  private final PartnershipRepository partnerships;
  private final FacilitatorQualifications qualifications;
  private final PartnershipEmails partnershipEmails;
  private final MailOutbox outbox;
  private final OutboxMailProperties mailProperties;
  private final PdProperties pdProperties;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public WorkshopSteps(WorkshopRepository workshops, WorkshopSeatRepository seats,
      WorkshopAttendanceRepository attendance, PdPhaseRepository phases, TeacherRepository teachers,
      PartnershipRepository partnerships, FacilitatorQualifications qualifications, PartnershipEmails partnershipEmails,
      MailOutbox outbox, OutboxMailProperties mailProperties, PdProperties pdProperties, IdentityService identityService,
      RuntimeService runtimeService, Clock clock) {
    this.workshops = workshops;
    this.seats = seats;
    this.attendance = attendance;
    this.phases = phases;
    this.teachers = teachers;
    this.partnerships = partnerships;
    this.qualifications = qualifications;
    this.partnershipEmails = partnershipEmails;
    this.outbox = outbox;
    this.mailProperties = mailProperties;
    this.pdProperties = pdProperties;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** A qualified facilitator with the fewest open workshops, or empty when nobody is qualified. */
  public Optional<String> assignFacilitator(Long workshopId) {
    Workshop workshop = workshop(workshopId);
    Optional<String> chosen = qualifications.qualifiedFor(workshop.getCourse()).stream()
        .filter(this::isFacilitator)
        .min(Comparator.comparingLong((String user) -> workshops.countByFacilitatorAndStatusNot(user, WorkshopStatus.CLOSED))
            .thenComparing(Comparator.naturalOrder()));
    chosen.ifPresent(workshop::assignFacilitator);
    return chosen;
  }

  /** A PD manager's choice when nobody was qualified; it also qualifies that facilitator for the course. */
  public void chooseFacilitator(Long workshopId, String userId) {
    Workshop workshop = workshop(workshopId);
    workshop.assignFacilitator(userId);
    qualifications.qualify(userId, workshop.getCourse());
  }

  public boolean isFacilitator(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).memberOfGroup(StaffGroups.FACILITATORS)
        .count() == 1;
  }

  public void orderMaterialsAndMeals(Long workshopId, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    Map<String, Object> model = workshopModel(workshop);
    model.put("headcount", workshop.getCapacity() + 1);
    model.put("materialsList", pdProperties.workshopMaterials());
    outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_ORDER, pdProperties.vendorEmail(), organizerEmail(workshop),
        model, null, processInstanceId, null));
  }

  public void recordVendorConfirmation(Long workshopId, String confirmation) {
    workshop(workshopId).recordVendorConfirmation(confirmation.trim());
  }

  /** Seats teachers waiting for this course and phase in the workshop's region; the rest join the waitlist. */
  public int enrolTeachers(Long workshopId, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    workshop.openEnrolment();
    for (PdPhase phase : phases.findByCourseAndPhaseNumberAndStatusInOrderByIdAsc(workshop.getCourse(),
        workshop.getPhaseNumber(), List.of(PdPhaseStatus.OPEN))) {
      offer(workshop, phase, processInstanceId);
    }
    return (int) seats.countByWorkshopIdAndStatus(workshopId, SeatStatus.ENROLLED);
  }

  /** A teacher's workshop phase opened after enrolment: an open workshop with a free seat takes them now. */
  @EventListener
  public void onPhaseAwaitingWorkshop(TeacherPdSteps.PhaseAwaitingWorkshop event) {
    PdPhase phase = phases.findById(event.phaseId()).orElseThrow();
    String region = partnerships.findById(phase.getPartnershipId()).orElseThrow().getDistrict().getState();
    Instant now = clock.instant();
    workshops.findByCourseAndPhaseNumberAndRegionAndStatusOrderByIdAsc(phase.getCourse(), phase.getPhaseNumber(),
            region, WorkshopStatus.OPEN).stream()
        .filter(w -> !w.hasStarted(now))
        .filter(w -> seats.countByWorkshopIdAndStatus(w.getId(), SeatStatus.ENROLLED) < w.getCapacity())
        .findFirst()
        .ifPresent(w -> offer(w, phase, w.getProcessInstanceId()));
  }

  private void offer(Workshop workshop, PdPhase phase, String processInstanceId) {
    Teacher teacher = teachers.findById(phase.getTeacherId()).orElseThrow();
    Partnership partnership = teacher.getPartnership();
    if (!partnership.getDistrict().getState().equals(workshop.getRegion())) {
      return;
    }
    if (seats.findByWorkshopIdAndTeacherId(workshop.getId(), teacher.getId()).isPresent()) {
      return;
    }
    boolean full = seats.countByWorkshopIdAndStatus(workshop.getId(), SeatStatus.ENROLLED) >= workshop.getCapacity();
    SeatStatus status = full ? SeatStatus.WAITLISTED : SeatStatus.ENROLLED;
    int position = (int) seats.countByWorkshopIdAndStatus(workshop.getId(), status) + 1;
    seats.save(new WorkshopSeat(workshop.getId(), phase.getId(), teacher.getId(), partnership.getId(), status, position,
        clock.instant()));
    Map<String, Object> model = workshopModel(workshop);
    model.put("recipientName", teacher.getName());
    if (full) {
      model.put("waitlistPosition", position);
      partnershipEmails.toPerson(partnership, teacher.getEmail(), Milestone.PD_WORKSHOP_WAITLISTED, processInstanceId,
          null, model, null);
    } else {
      phase.seat();
      partnershipEmails.toPerson(partnership, teacher.getEmail(), Milestone.PD_WORKSHOP_ENROLLED, processInstanceId,
          null, model, invite(workshop));
    }
  }

  /**
   * The reminder of {@code daysBefore} to every enrolled teacher and the facilitator. A reminder
   * whose day has passed (the workshop was scheduled late) is skipped.
   */
  public int remind(Long workshopId, int daysBefore, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    Instant lastMoment = workshop.firstSessionStart().minus(Duration.ofDays(daysBefore - 1L));
    if (clock.instant().isAfter(lastMoment)) {
      log.info("Workshop {}: {}-day reminder skipped, its day has passed", workshop.getReference(), daysBefore);
      return 0;
    }
    String occurrence = daysBefore + "-days-rev-" + workshop.getDatesRevision();
    return toEnrolledAndFacilitator(workshop, Milestone.PD_WORKSHOP_REMINDER, processInstanceId, occurrence,
        Map.of("daysBefore", daysBefore));
  }

  public int notifyNewDates(Long workshopId, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    return toEnrolledAndFacilitator(workshop, Milestone.PD_WORKSHOP_RESCHEDULED, processInstanceId,
        "rev-" + workshop.getDatesRevision(), Map.of());
  }

  private int toEnrolledAndFacilitator(Workshop workshop, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra) {
    String ics = invite(workshop);
    int sent = 0;
    for (WorkshopSeat seat : enrolled(workshop)) {
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = workshopModel(workshop);
      model.putAll(extra);
      model.put("recipientName", teacher.getName());
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), milestone, processInstanceId, occurrence,
          model, ics);
      sent++;
    }
    User facilitator = workshop.getFacilitator() == null ? null
        : identityService.createUserQuery().userId(workshop.getFacilitator()).singleResult();
    if (facilitator != null && facilitator.getEmail() != null) {
      Map<String, Object> model = workshopModel(workshop);
      model.putAll(extra);
      model.put("recipientName", facilitator.getFirstName() + " " + facilitator.getLastName());
      outbox.enqueue(new EmailRequest(milestone, facilitator.getEmail(), organizerEmail(workshop), model, null,
          processInstanceId, occurrence, ics));
      sent++;
    }
    return sent;
  }

  /** The numbered roster the facilitator's attendance form shows, e.g. "1. Lee Park (DP-2027-0001, Springfield High)". */
  @Transactional(readOnly = true)
  public String roster(Long workshopId) {
    List<WorkshopSeat> enrolled = enrolled(workshop(workshopId));
    return IntStream.range(0, enrolled.size()).mapToObj(i -> {
      Teacher t = teachers.findById(enrolled.get(i).getTeacherId()).orElseThrow();
      return (i + 1) + ". " + t.getName() + " (" + t.getPartnership().getReference() + ", " + t.getSchool().getName() + ")";
    }).collect(Collectors.joining("\n"));
  }

  @Transactional(readOnly = true)
  public int rosterSize(Long workshopId) {
    return enrolled(workshop(workshopId)).size();
  }

  /** @param absent roster positions (1-based) of the enrolled teachers who were not there */
  public void recordAttendance(Long workshopId, int sessionNumber, Set<Integer> absent, String recordedBy) {
    Workshop workshop = workshop(workshopId);
    List<WorkshopSeat> enrolled = enrolled(workshop);
    for (int i = 0; i < enrolled.size(); i++) {
      Long teacherId = enrolled.get(i).getTeacherId();
      boolean present = !absent.contains(i + 1);
      attendance.findByWorkshopIdAndSessionNumberAndTeacherId(workshopId, sessionNumber, teacherId).ifPresentOrElse(
          row -> row.record(present, recordedBy, clock.instant()),
          () -> attendance.save(new WorkshopAttendance(workshopId, sessionNumber, teacherId, present, recordedBy,
              clock.instant())));
    }
  }

  public void remindOrganizerToClose(Long workshopId, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    Map<String, Object> model = workshopModel(workshop);
    model.put("lastSessionDate", WorkshopCalendar.DAY.format(workshop.lastSessionEnd()));
    outbox.enqueue(new EmailRequest(Milestone.PD_WORKSHOP_CLOSE_REMINDER, organizerEmail(workshop), null, model, null,
        processInstanceId, null));
  }

  /**
   * Closes the workshop and reports each enrolled teacher's attendance to their
   * professional-development instance: present at every session completes the phase with the
   * hours of the sessions; anything less is a missed phase. Returns the number of reports.
   */
  public int close(Long workshopId) {
    Workshop workshop = workshop(workshopId);
    workshop.close(clock.instant());
    Map<Long, List<WorkshopAttendance>> byTeacher = attendance.findByWorkshopId(workshopId).stream()
        .collect(Collectors.groupingBy(WorkshopAttendance::getTeacherId));
    int reported = 0;
    for (WorkshopSeat seat : enrolled(workshop)) {
      List<WorkshopAttendance> rows = byTeacher.getOrDefault(seat.getTeacherId(), List.of());
      Set<Integer> present = rows.stream().filter(WorkshopAttendance::isPresent)
          .map(WorkshopAttendance::getSessionNumber).collect(Collectors.toSet());
      int hours = workshop.getSessions().stream().filter(s -> present.contains(s.getSessionNumber()))
          .mapToInt(WorkshopSession::getHours).sum();
      boolean completed = present.size() == workshop.getSessions().size();
      var correlation = runtimeService.createMessageCorrelation(ProfessionalDevelopmentProcess.MESSAGE_PHASE_REPORTED);
      String pdInstance = teachers.findById(seat.getTeacherId()).map(Teacher::getPdProcessInstanceId).orElse(null);
      if (pdInstance != null) {
        correlation.processInstanceId(pdInstance);   // an index lookup, see LifecycleMessages
      } else {
        correlation.processInstanceBusinessKey(partnerships.findById(seat.getPartnershipId()).orElseThrow().getReference());
      }
      int delivered = correlation
          .processInstanceVariableEquals(ProfessionalDevelopmentProcess.VAR_TEACHER_ID, seat.getTeacherId())
          .processInstanceVariableEquals(ProfessionalDevelopmentProcess.VAR_PHASE_NUMBER, workshop.getPhaseNumber())
          .setVariable(ProfessionalDevelopmentProcess.VAR_PHASE_ATTENDED, completed)
          .setVariable(ProfessionalDevelopmentProcess.VAR_PHASE_HOURS, hours)
          .correlateAllWithResult().size();
      if (delivered == 0) {
        log.warn("Workshop {}: teacher {}'s PD was not waiting for phase {} (already decided); attendance kept here",
            workshop.getReference(), seat.getTeacherId(), workshop.getPhaseNumber());
      }
      reported += delivered;
    }
    return reported;
  }

  /** The exit survey goes to attendees only: enrolled teachers present at one session at least. */
  public int sendExitSurveys(Long workshopId, String processInstanceId) {
    Workshop workshop = workshop(workshopId);
    Set<Long> attendees = attendance.findByWorkshopId(workshopId).stream().filter(WorkshopAttendance::isPresent)
        .map(WorkshopAttendance::getTeacherId).collect(Collectors.toSet());
    int sent = 0;
    for (WorkshopSeat seat : enrolled(workshop)) {
      if (!attendees.contains(seat.getTeacherId())) {
        continue;
      }
      Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
      Map<String, Object> model = workshopModel(workshop);
      model.put("recipientName", teacher.getName());
      model.put("surveyLink", pdProperties.exitSurveyUrl() + "?workshop=" + workshop.getReference());
      partnershipEmails.toPerson(teacher.getPartnership(), teacher.getEmail(), Milestone.PD_EXIT_SURVEY,
          processInstanceId, null, model, null);
      sent++;
    }
    return sent;
  }

  private List<WorkshopSeat> enrolled(Workshop workshop) {
    return seats.findByWorkshopIdAndStatusOrderByPositionAscIdAsc(workshop.getId(), SeatStatus.ENROLLED);
  }

  private String invite(Workshop workshop) {
    return WorkshopCalendar.invite(workshop, organizerEmail(workshop), clock.instant());
  }

  private String organizerEmail(Workshop workshop) {
    User organizer = identityService.createUserQuery().userId(workshop.getOrganizer()).singleResult();
    return organizer != null && organizer.getEmail() != null ? organizer.getEmail() : mailProperties.defaultReplyTo();
  }

  private static Map<String, Object> workshopModel(Workshop workshop) {
    Map<String, Object> model = new HashMap<>();
    model.put("workshopTitle", workshop.getTitle());
    model.put("workshopReference", workshop.getReference());
    model.put("location", workshop.getLocation());
    model.put("sessions", WorkshopCalendar.sessions(workshop));
    model.put("totalHours", workshop.totalHours());
    return model;
  }

  private Workshop workshop(Long id) {
    return workshops.findById(id).orElseThrow(() -> new IllegalStateException("No workshop with id " + id));
  }
}
