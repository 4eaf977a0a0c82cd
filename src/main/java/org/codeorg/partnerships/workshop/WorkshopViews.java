package org.codeorg.partnerships.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What PD managers see of a workshop: sessions, seats, waitlist and attendance. */
@Service
@Transactional(readOnly = true)
public class WorkshopViews {

  private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final WorkshopRepository workshops;
  private final WorkshopSeatRepository seats;
  private final WorkshopAttendanceRepository attendance;
  private final TeacherRepository teachers;

  public WorkshopViews(WorkshopRepository workshops, WorkshopSeatRepository seats,
      WorkshopAttendanceRepository attendance, TeacherRepository teachers) {
    this.workshops = workshops;
    this.seats = seats;
    this.attendance = attendance;
    this.teachers = teachers;
  }

  /**
   * One session: {@code startsAt}/{@code endsAt} as UTC instants, {@code localStartsAt}/{@code localEndsAt}
   * as ISO-8601 with the workshop zone's offset ({@code 2027-07-12T09:00:00-07:00}), and as people
   * read them: {@code date} ("Monday, July 12, 2027") and {@code time} ("9:00 AM–3:00 PM PDT").
   */
  public record SessionView(int number, Instant startsAt, Instant endsAt, String localStartsAt, String localEndsAt,
      String date, String time, int hours) {
  }

  public record SeatView(Long teacherId, String teacher, String partnership, String status, int position,
      List<Integer> sessionsAttended) {
  }

  public record WorkshopView(String reference, String course, int phase, String title, String region,
      String location, String timeZone, int capacity, String status, String organizer, String facilitator, String vendorConfirmation,
      int datesRevision, int calendarSequence, String cancellationReason, List<SessionView> sessions,
      List<SeatView> seats) {
  }

  public WorkshopView view(String reference) {
    Workshop w = workshops.findByReference(reference).orElseThrow(() -> new UnknownWorkshopException(reference));
    Map<Long, List<Integer>> present = attendance.findByWorkshopId(w.getId()).stream()
        .filter(WorkshopAttendance::isPresent)
        .collect(Collectors.groupingBy(WorkshopAttendance::getTeacherId,
            Collectors.mapping(WorkshopAttendance::getSessionNumber, Collectors.toList())));
    List<SeatView> seatViews = seats.findByWorkshopIdOrderByPositionAscIdAsc(w.getId()).stream()
        .sorted((a, b) -> a.getStatus() == b.getStatus() ? Integer.compare(a.getPosition(), b.getPosition())
            : a.getStatus().compareTo(b.getStatus()))
        .map(seat -> {
          Teacher t = teachers.findById(seat.getTeacherId()).orElseThrow();
          return new SeatView(t.getId(), t.getName(), t.getPartnership().getReference(), seat.getStatus().name(),
              seat.getPosition(), present.getOrDefault(t.getId(), List.of()).stream().sorted().toList());
        }).toList();
    return new WorkshopView(w.getReference(), w.getCourse().name(), w.getPhaseNumber(), w.getTitle(), w.getRegion(),
        w.getLocation(), w.getTimeZone(), w.getCapacity(), w.getStatus().name(), w.getOrganizer(), w.getFacilitator(),
        w.getVendorConfirmation(), w.getDatesRevision(), w.getCalendarSequence(), w.getCancellationReason(),
        w.getSessions().stream().map(s -> new SessionView(s.getSessionNumber(), s.getStartsAt(), s.getEndsAt(),
            ISO.format(s.getStartsAt().atZone(w.zone())), ISO.format(s.getEndsAt().atZone(w.zone())),
            WorkshopTimeZones.day(s.getStartsAt(), w.zone()),
            WorkshopTimeZones.timeRange(s.getStartsAt(), s.getEndsAt(), w.zone()), s.getHours())).toList(),
        seatViews);
  }
}
