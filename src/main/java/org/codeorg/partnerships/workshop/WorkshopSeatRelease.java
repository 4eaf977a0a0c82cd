package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.codeorg.partnerships.pd.PdPhaseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher gives up a workshop seat through the link of the enrolment email: the seat is
 * released, the teacher's invite withdrawn ({@code METHOD:CANCEL}), their PD phase waits for a
 * seat again, and the first waitlisted teacher of the workshop (its region's teachers only) takes
 * the seat with an invite. Called by the public page {@code /district/seats/{token}}.
 */
@Service
@Transactional
public class WorkshopSeatRelease {

  /** What the page shows about a seat; {@code sessions} as {@link WorkshopCalendar#sessions} gives them (local time). */
  public record SeatView(String teacherName, String workshopTitle, String workshopReference, String location,
      List<Map<String, Object>> sessions, State state) {
  }

  /** Whether the seat can still be given up, or why not. */
  public enum State {
    /** Enrolled in an open workshop that has not started: the button is offered. */
    HELD,
    /** Given up already (a second click shows the same confirmation). */
    RELEASED,
    /** Still on the waitlist: nothing to give up. */
    WAITLISTED,
    /** The workshop was cancelled, has started or is closed: the seat no longer changes. */
    CLOSED
  }

  private final WorkshopSeatRepository seats;
  private final WorkshopRepository workshops;
  private final TeacherRepository teachers;
  private final PdPhaseRepository phases;
  private final WorkshopNotifications notifications;
  private final Clock clock;

  public WorkshopSeatRelease(WorkshopSeatRepository seats, WorkshopRepository workshops, TeacherRepository teachers,
      PdPhaseRepository phases, WorkshopNotifications notifications, Clock clock) {
    this.seats = seats;
    this.workshops = workshops;
    this.teachers = teachers;
    this.phases = phases;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * The seat a link names.
   *
   * @param token the link's token (22 base64url characters); anything else finds nothing
   * @return empty for an unknown token (the page answers 404)
   */
  @Transactional(readOnly = true)
  public Optional<SeatView> find(String token) {
    return seat(token).map(seat -> view(seat, workshops.require(seat.getWorkshopId())));
  }

  /**
   * Gives the seat up. Idempotent: a seat given up already, or one that can no longer change,
   * answers its state without any effect. The workshop row is locked first, so two give-ups, or a
   * give-up and an enrolment, change seats one after the other and never double-book.
   *
   * @param token the link's token
   * @return the seat's state afterwards ({@link State#RELEASED} when given up now or before); empty
   *     for an unknown token (404)
   */
  public Optional<SeatView> giveUp(String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    Optional<Long> workshopId = seats.workshopIdOfToken(token);
    if (workshopId.isEmpty()) {
      return Optional.empty();
    }
    Workshop workshop = workshops.lockById(workshopId.get()).orElseThrow();
    // Read only under the lock (not loaded before, so not a stale copy): a concurrent give-up of this
    // very seat has committed by now and is seen.
    WorkshopSeat seat = seats.findByGiveUpToken(token).orElseThrow();
    if (state(seat, workshop) != State.HELD) {
      return Optional.of(view(seat, workshop));
    }
    seat.release(clock.instant());
    phases.findById(seat.getPdPhaseId()).ifPresent(PdPhase::unseat);
    workshop.seatsChanged();
    Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
    notifications.seatReleased(workshop, teacher, workshop.getProcessInstanceId());
    promoteFirstWaitlisted(workshop);
    return Optional.of(view(seat, workshop));
  }

  /** The first in line whose phase still waits for this workshop takes the freed seat, last on the roster. */
  private void promoteFirstWaitlisted(Workshop workshop) {
    if (seats.countByWorkshopIdAndStatus(workshop.getId(), SeatStatus.ENROLLED) >= workshop.getCapacity()) {
      return;
    }
    List<WorkshopSeat> roster = seats.findByWorkshopIdOrderByPositionAscIdAsc(workshop.getId());
    int last = roster.stream().filter(s -> s.getStatus() == SeatStatus.ENROLLED).mapToInt(WorkshopSeat::getPosition)
        .max().orElse(0);
    for (WorkshopSeat waiting : seats.findByWorkshopIdAndStatusOrderByPositionAscIdAsc(workshop.getId(),
        SeatStatus.WAITLISTED)) {
      PdPhase phase = phases.findById(waiting.getPdPhaseId()).orElse(null);
      if (phase == null || phase.getStatus() != PdPhaseStatus.OPEN) {
        // Seated elsewhere meanwhile, completed or withdrawn: the next in line.
        continue;
      }
      waiting.promote(last + 1);
      phase.seat();
      notifications.enrolled(workshop, teachers.findById(waiting.getTeacherId()).orElseThrow(), waiting,
          workshop.getProcessInstanceId());
      return;
    }
  }

  private Optional<WorkshopSeat> seat(String token) {
    return wellFormed(token) ? seats.findByGiveUpToken(token) : Optional.empty();
  }

  private static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{22}");
  }

  private State state(WorkshopSeat seat, Workshop workshop) {
    return switch (seat.getStatus()) {
      case RELEASED -> State.RELEASED;
      case WAITLISTED -> workshop.getStatus() == WorkshopStatus.OPEN ? State.WAITLISTED : State.CLOSED;
      case CANCELLED -> State.CLOSED;
      case ENROLLED -> workshop.getStatus() == WorkshopStatus.OPEN && !workshop.hasStarted(clock.instant())
          ? State.HELD : State.CLOSED;
    };
  }

  private SeatView view(WorkshopSeat seat, Workshop workshop) {
    Teacher teacher = teachers.findById(seat.getTeacherId()).orElseThrow();
    return new SeatView(teacher.getName(), workshop.getTitle(), workshop.getReference(), workshop.getLocation(),
        WorkshopCalendar.sessions(workshop), state(seat, workshop));
  }
}
