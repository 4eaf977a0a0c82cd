package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.codeorg.partnerships.pd.PdPhaseStatus;
import org.codeorg.partnerships.pd.TeacherPdSteps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats of a {@code pd-workshop}: teachers of the workshop's region waiting for its course and
 * phase take a seat up to capacity, the rest join the waitlist; the numbered roster of the
 * attendance forms. Called by the model's delegates and listeners, and on a teacher's phase
 * opening; an exception is an incident on the step, never an HTTP answer.
 */
@Service
@Transactional
public class WorkshopEnrolment {

  private final WorkshopRepository workshops;
  private final WorkshopSeatRepository seats;
  private final PdPhaseRepository phases;
  private final TeacherRepository teachers;
  private final PartnershipRepository partnerships;
  private final WorkshopNotifications notifications;
  private final Clock clock;

  public WorkshopEnrolment(WorkshopRepository workshops, WorkshopSeatRepository seats, PdPhaseRepository phases,
      TeacherRepository teachers, PartnershipRepository partnerships, WorkshopNotifications notifications, Clock clock) {
    this.workshops = workshops;
    this.seats = seats;
    this.phases = phases;
    this.teachers = teachers;
    this.partnerships = partnerships;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * Opens enrolment: seats teachers waiting for this course and phase in the workshop's region; the
   * rest join the waitlist. Each is emailed (the seated with a calendar invite).
   *
   * @return how many teachers hold a seat
   * @throws IllegalStateException when the workshop does not exist
   */
  public int enrolTeachers(Long workshopId, String processInstanceId) {
    Workshop workshop = workshops.require(workshopId);
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
    if (full) {
      notifications.waitlisted(workshop, teacher, position, processInstanceId);
    } else {
      phase.seat();
      notifications.enrolled(workshop, teacher, processInstanceId);
    }
  }

  /**
   * The enrolled teachers the facilitator's attendance checklist lists, in seat order: teacher id to
   * label, e.g. "Lee Park (DP-2027-0001, Springfield High)". Every enrolled teacher, however many.
   */
  @Transactional(readOnly = true)
  public java.util.Map<Long, String> attendanceLabels(Long workshopId) {
    java.util.Map<Long, String> labels = new java.util.LinkedHashMap<>();
    for (WorkshopSeat seat : seats.enrolled(workshops.require(workshopId).getId())) {
      Teacher t = teachers.findById(seat.getTeacherId()).orElseThrow();
      labels.put(t.getId(), t.getName() + " (" + t.getPartnership().getReference() + ", " + t.getSchool().getName() + ")");
    }
    return labels;
  }
}
