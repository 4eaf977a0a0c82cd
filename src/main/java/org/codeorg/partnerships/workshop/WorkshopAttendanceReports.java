package org.codeorg.partnerships.workshop;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance of a {@code pd-workshop}: each session as the facilitator records it, and at closing
 * each enrolled teacher's outcome to their {@code professional-development} instance. Called by the
 * model's listeners and delegates; an exception is an incident on the step (or, for a roster
 * number out of range, a 400 on the task completion), never another HTTP answer.
 */
@Service
@Transactional
public class WorkshopAttendanceReports {

  private static final Logger log = LoggerFactory.getLogger(WorkshopAttendanceReports.class);

  private final WorkshopRepository workshops;
  private final WorkshopSeatRepository seats;
  private final WorkshopAttendanceRepository attendance;
  private final TeacherRepository teachers;
  private final PartnershipRepository partnerships;
  private final LifecycleMessages messages;
  private final Clock clock;

  public WorkshopAttendanceReports(WorkshopRepository workshops, WorkshopSeatRepository seats,
      WorkshopAttendanceRepository attendance, TeacherRepository teachers, PartnershipRepository partnerships,
      LifecycleMessages messages, Clock clock) {
    this.workshops = workshops;
    this.seats = seats;
    this.attendance = attendance;
    this.teachers = teachers;
    this.partnerships = partnerships;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Records one session; recording it again overwrites.
   *
   * @param presentTeachers ids of the enrolled teachers ticked as present; every other enrolled teacher was absent
   * @throws IllegalStateException when the workshop does not exist
   */
  public void recordAttendance(Long workshopId, int sessionNumber, Set<Long> presentTeachers, String recordedBy) {
    List<WorkshopSeat> enrolled = seats.enrolled(workshops.require(workshopId).getId());
    for (WorkshopSeat seat : enrolled) {
      Long teacherId = seat.getTeacherId();
      boolean present = presentTeachers.contains(teacherId);
      attendance.findByWorkshopIdAndSessionNumberAndTeacherId(workshopId, sessionNumber, teacherId).ifPresentOrElse(
          row -> row.record(present, recordedBy, clock.instant()),
          () -> attendance.save(new WorkshopAttendance(workshopId, sessionNumber, teacherId, present, recordedBy,
              clock.instant())));
    }
  }

  /**
   * Closes the workshop and reports each enrolled teacher's attendance to their
   * professional-development instance: present at every session completes the phase with the
   * hours of the sessions; anything less is a missed phase. A teacher whose instance no longer
   * waits for the phase (a PD manager already decided) is logged, and the attendance stays here.
   *
   * @return how many instances took the report
   * @throws IllegalStateException when the workshop does not exist
   */
  public int closeAndReport(Long workshopId) {
    Workshop workshop = workshops.require(workshopId);
    workshop.close(clock.instant());
    Map<Long, List<WorkshopAttendance>> byTeacher = attendance.findByWorkshopId(workshopId).stream()
        .collect(Collectors.groupingBy(WorkshopAttendance::getTeacherId));
    int reported = 0;
    for (WorkshopSeat seat : seats.enrolled(workshopId)) {
      Set<Integer> present = byTeacher.getOrDefault(seat.getTeacherId(), List.of()).stream()
          .filter(WorkshopAttendance::isPresent).map(WorkshopAttendance::getSessionNumber).collect(Collectors.toSet());
      int hours = workshop.getSessions().stream().filter(s -> present.contains(s.getSessionNumber()))
          .mapToInt(WorkshopSession::getHours).sum();
      boolean completed = present.size() == workshop.getSessions().size();
      String pdInstance = teachers.findById(seat.getTeacherId()).map(Teacher::getPdProcessInstanceId).orElse(null);
      // the business key is needed only for instances started before their id was recorded (V6)
      String reference = pdInstance != null ? null
          : partnerships.findById(seat.getPartnershipId()).orElseThrow().getReference();
      int delivered = messages.offer(ProfessionalDevelopmentProcess.MESSAGE_PHASE_REPORTED, reference, pdInstance,
          ProfessionalDevelopmentProcess.PHASE_NUMBER.putIn(
              ProfessionalDevelopmentProcess.TEACHER_ID.with(seat.getTeacherId()), workshop.getPhaseNumber()),
          ProfessionalDevelopmentProcess.PHASE_HOURS.putIn(
              ProfessionalDevelopmentProcess.PHASE_ATTENDED.with(completed), hours));
      if (delivered == 0) {
        log.warn("Workshop {}: teacher {}'s PD was not waiting for phase {} (already decided); attendance kept here",
            workshop.getReference(), seat.getTeacherId(), workshop.getPhaseNumber());
      }
      reported += delivered;
    }
    return reported;
  }
}
