package org.codeorg.partnerships.district;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.codeorg.partnerships.evaluation.ProgramEvaluation;
import org.codeorg.partnerships.evaluation.ProgramEvaluationRepository;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.SectionReadiness;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.codeorg.partnerships.pd.PdPhaseStatus;
import org.codeorg.partnerships.workshop.SeatStatus;
import org.codeorg.partnerships.workshop.Workshop;
import org.codeorg.partnerships.workshop.WorkshopRepository;
import org.codeorg.partnerships.workshop.WorkshopSeat;
import org.codeorg.partnerships.workshop.WorkshopSeatRepository;
import org.codeorg.partnerships.workshop.WorkshopSession;
import org.codeorg.partnerships.workshop.WorkshopTimeZones;
import org.springframework.stereotype.Component;

/**
 * What the district sees of its teachers' professional development and its sections' set-up,
 * and the PD hours report an HR office files (one row per teacher per completed phase).
 * Called inside the page's read-only transaction.
 */
@Component
class DistrictPdView {

  /** The report's columns, in order (CSV header and printable table). */
  static final List<String> REPORT_COLUMNS = List.of("Teacher", "Email", "School", "Course", "Phase", "Phase name",
      "Delivery", "Phase start", "Phase due", "Completed on", "Hours");


  private final PdPhaseRepository phases;
  private final WorkshopSeatRepository seats;
  private final WorkshopRepository workshops;
  private final ProgramEvaluationRepository evaluations;
  private final Clock clock;

  DistrictPdView(PdPhaseRepository phases, WorkshopSeatRepository seats, WorkshopRepository workshops,
      ProgramEvaluationRepository evaluations, Clock clock) {
    this.phases = phases;
    this.seats = seats;
    this.workshops = workshops;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** One map per teacher: name, school, course, commitment, phase, hours earned/planned, next workshop, certificate. */
  List<Map<String, Object>> teachers(Partnership partnership) {
    Map<Long, List<PdPhase>> ledger = phases.findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(partnership.getId())
        .stream().collect(Collectors.groupingBy(PdPhase::getTeacherId, LinkedHashMap::new, Collectors.toList()));
    Map<Long, String> nextWorkshop = nextWorkshops(partnership.getId());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Teacher t : partnership.getTeachers()) {
      List<PdPhase> own = ledger.getOrDefault(t.getId(), List.of());
      Map<String, Object> row = new HashMap<>();
      row.put("id", t.getId());
      row.put("name", t.getName());
      row.put("school", t.getSchool().getName());
      row.put("course", t.getCourse().title());
      row.put("commitment", switch (t.getPdStatus()) {
        case NOT_STARTED -> "Not asked yet";
        case AWAITING_COMMITMENT -> "Waiting for your confirmation";
        case WITHDRAWN -> "Withdrawn";
        default -> t.getCommittedAt() == null ? "Confirmed"
            : "Confirmed " + Dates.LONG.format(LocalDate.ofInstant(t.getCommittedAt(), ZoneOffset.UTC));
      });
      row.put("phase", own.stream().filter(p -> p.getStatus() != PdPhaseStatus.COMPLETED
              && p.getStatus() != PdPhaseStatus.WITHDRAWN).findFirst()
          .map(p -> "Phase " + p.getPhaseNumber() + ": " + p.getName() + " (" + status(p.getStatus()) + ", due "
              + Dates.LONG.format(p.getDueOn()) + ")")
          .orElse(own.isEmpty() ? "Not started" : "All phases completed"));
      row.put("hoursEarned", own.stream().mapToInt(PdPhase::getHoursEarned).sum());
      row.put("hoursPlanned", own.stream().mapToInt(PdPhase::getPlannedHours).sum());
      row.put("nextWorkshop", nextWorkshop.getOrDefault(t.getId(), "None scheduled"));
      row.put("certificate", t.getCertificateCode() != null);
      rows.add(row);
    }
    return rows;
  }

  /** Per section: its set-up status and, when not ready, what is missing. */
  List<Map<String, Object>> sections(Partnership partnership) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CourseSection s : partnership.getSections()) {
      Map<String, Object> row = new HashMap<>();
      row.put("label", s.label());
      row.put("status", switch (s.getReadiness()) {
        case NOT_REPORTED -> "Not reported yet";
        case READY -> "Ready";
        case NOT_READY -> "Not ready";
        case NEEDS_APPROVAL -> "Materials cost awaiting approval";
        case DROPPED -> "Dropped";
      });
      row.put("missing", s.getReadiness() == SectionReadiness.NOT_READY ? s.getReadinessReasons()
          : s.getReadiness() == SectionReadiness.NOT_REPORTED ? "Time slot, room, course code, technology and materials"
          : "");
      rows.add(row);
    }
    return rows;
  }

  /** The program evaluation's report, once the evaluator has assessed it. */
  Optional<ProgramEvaluation> evaluation(Partnership partnership) {
    return evaluations.findByPartnershipId(partnership.getId()).filter(e -> e.getAssessedAt() != null);
  }

  /** The PD hours report: one row per teacher per completed phase, columns as {@link #REPORT_COLUMNS}. */
  List<List<String>> hoursReport(Partnership partnership) {
    Map<Long, Teacher> teachers = partnership.getTeachers().stream()
        .collect(Collectors.toMap(Teacher::getId, t -> t));
    List<List<String>> rows = new ArrayList<>();
    for (PdPhase p : phases.findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(partnership.getId())) {
      Teacher t = teachers.get(p.getTeacherId());
      if (t == null || p.getStatus() != PdPhaseStatus.COMPLETED) {
        continue;
      }
      rows.add(List.of(t.getName(), t.getEmail(), t.getSchool().getName(), t.getCourse().title(),
          Integer.toString(p.getPhaseNumber()), p.getName(), p.getDelivery().label(), p.getStartsOn().toString(),
          p.getDueOn().toString(),
          p.getCompletedOn() == null ? "" : p.getCompletedOn().toString(),
          Integer.toString(p.getHoursEarned())));
    }
    rows.sort(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> Integer.parseInt(r.get(4))));
    return rows;
  }

  /**
   * The report as CSV (RFC 4180, CRLF) with a UTF-8 byte order mark, so that spreadsheet programs read
   * names with accents correctly. A cell that a spreadsheet would run as a formula (it starts with
   * {@code = + - @}, a tab or a carriage return) is neutralised with a leading apostrophe (OWASP's
   * advice for CSV injection); the value stays readable.
   */
  static String csv(List<List<String>> rows) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(REPORT_COLUMNS.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(DistrictPdView::neutralise).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String neutralise(String cell) {
    if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  private Map<Long, String> nextWorkshops(Long partnershipId) {
    Instant now = clock.instant();
    Map<Long, String> next = new HashMap<>();
    Map<Long, Instant> when = new HashMap<>();
    for (WorkshopSeat seat : seats.findByPartnershipIdAndStatus(partnershipId, SeatStatus.ENROLLED)) {
      Workshop workshop = workshops.findById(seat.getWorkshopId()).orElse(null);
      if (workshop == null) {
        continue;
      }
      for (WorkshopSession session : workshop.getSessions()) {
        Instant start = session.getStartsAt();
        if (start.isAfter(now) && (!when.containsKey(seat.getTeacherId()) || start.isBefore(when.get(seat.getTeacherId())))) {
          when.put(seat.getTeacherId(), start);
          // In the workshop's own zone with its abbreviation, as the teacher's invite shows it.
          next.put(seat.getTeacherId(), workshop.getTitle() + ", " + workshop.getLocation() + ": "
              + WorkshopTimeZones.day(start, workshop.zone()) + ", "
              + WorkshopTimeZones.timeRange(start, session.getEndsAt(), workshop.zone()));
        }
      }
    }
    return next;
  }

  private static String status(PdPhaseStatus status) {
    return switch (status) {
      case PLANNED -> "planned";
      case OPEN -> "open";
      case SEATED -> "seat in a workshop";
      case MISSED -> "missed";
      default -> status.name().toLowerCase(Locale.ROOT);
    };
  }
}
