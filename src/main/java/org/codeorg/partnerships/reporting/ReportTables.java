package org.codeorg.partnerships.reporting;

import java.util.List;
import java.util.Set;

import org.codeorg.partnerships.reporting.ReportCsv.Table;

/** Every table of the Cockpit reports as a CSV table, with the same numbers as its JSON. */
public final class ReportTables {

  /** The tables of the dashboard and the PD report, by the name the CSV download uses. */
  public static final Set<String> REPORT_TABLES = Set.of("funnel", "overdue", "emails", "pd-courses",
      "pd-phases", "workshops", "sessions", "facilitators");

  /** The tables of a partnership's tab on the process-instance page. */
  public static final Set<String> INSTANCE_TABLES = Set.of("timeline", "emails", "teachers", "sections");

  private ReportTables() {
  }

  public static Table partnerships(List<PartnershipReports.PartnershipRow> rows) {
    return new Table(List.of("Reference", "District", "State", "School year", "Stage", "Days in stage",
        "Next deadline", "Open tasks", "Teachers in PD", "Hours earned", "Hours planned"),
        rows.stream().<List<?>>map(r -> List.of(r.reference(), r.district(), r.state(), r.schoolYear(), r.stage(),
            r.daysInStage(), text(r.nextDeadline()), r.openTasks(), r.teachersInPd(), r.hoursEarned(),
            r.hoursPlanned())).toList());
  }

  public static Table districts(List<PartnershipReports.Hours> rows) {
    return hours("District", "Reference", rows);
  }

  public static Table teachers(List<PartnershipReports.TeacherHours> rows) {
    return new Table(List.of("Reference", "District", "Teacher", "Course", "PD status", "Certificate", "Phases",
        "Phases finished", "Hours earned", "Hours planned"),
        rows.stream().<List<?>>map(r -> List.of(r.reference(), r.district(), r.teacher(), r.course(), r.status(),
            text(r.certificateNumber()), r.phases(), r.phasesFinished(), r.hoursEarned(), r.hoursPlanned())).toList());
  }

  /**
   * One table of the dashboard or the PD report.
   *
   * @throws IllegalArgumentException {@code name} is not in {@link #REPORT_TABLES}
   */
  public static Table report(String name, PartnershipReports.Dashboard dashboard, PartnershipReports.PdReport pd) {
    return switch (name) {
      case "funnel" -> new Table(List.of("Stage", "Stage name", "Partnerships"), dashboard.funnel().stream()
          .<List<?>>map(s -> List.of(s.stage(), s.label(), s.partnerships())).toList());
      case "overdue" -> new Table(List.of("Stage", "Candidate group", "Overdue tasks"), dashboard.overdue().stream()
          .<List<?>>map(o -> List.of(o.stage(), o.candidateGroup(), o.tasks())).toList());
      case "emails" -> new Table(List.of("Status", "Emails"), List.of(List.of("QUEUED", dashboard.emails().queued()),
          List.of("FAILED", dashboard.emails().failed())));
      case "pd-courses" -> hours("Course", null, pd.byCourse());
      case "pd-phases" -> new Table(List.of("Course", "Phase", "Name", "Teachers", "Started", "Finished", "Missed",
          "Withdrawn"), pd.phases().stream().<List<?>>map(p -> List.of(p.course(), p.phase(), p.name(), p.teachers(),
          p.started(), p.finished(), p.missed(), p.withdrawn())).toList());
      case "workshops" -> new Table(List.of("Workshop", "Title", "Course", "Phase", "Region", "Status", "Facilitator",
          "Capacity", "Enrolled", "Waitlisted"), pd.workshops().stream().<List<?>>map(w -> List.of(w.reference(),
          w.title(), w.course(), w.phase(), w.region(), w.status(), text(w.facilitator()), w.capacity(), w.enrolled(),
          w.waitlisted())).toList());
      case "sessions" -> new Table(List.of("Workshop", "Session", "Starts at", "Attendance recorded", "Present"),
          pd.sessions().stream().<List<?>>map(s -> List.of(s.workshop(), s.session(), text(s.startsAt()),
              s.recorded(), s.present())).toList());
      case "facilitators" -> new Table(List.of("Facilitator", "Workshops", "Sessions", "Session hours"),
          pd.facilitators().stream().<List<?>>map(f -> List.of(f.facilitator(), f.workshops(), f.sessions(),
              f.hours())).toList());
      default -> throw new IllegalArgumentException("No report table " + name);
    };
  }

  private static Table hours(String key, String detail, List<PartnershipReports.Hours> rows) {
    List<String> header = detail == null ? List.of(key, "Teachers", "Hours earned", "Hours planned")
        : List.of(key, detail, "Teachers", "Hours earned", "Hours planned");
    return new Table(header, rows.stream().<List<?>>map(h -> detail == null
        ? List.of(h.key(), h.teachers(), h.hoursEarned(), h.hoursPlanned())
        : List.of(h.key(), h.detail(), h.teachers(), h.hoursEarned(), h.hoursPlanned())).toList());
  }

  /**
   * One table of a partnership's tab.
   *
   * @throws IllegalArgumentException {@code name} is not in {@link #INSTANCE_TABLES}
   */
  public static Table instance(String name, PartnershipViews.Detail detail, List<PartnershipViews.Email> emails) {
    return switch (name) {
      case "timeline" -> new Table(List.of("Event", "At", "Detail"), detail.timeline().stream()
          .<List<?>>map(t -> List.of(t.event(), text(t.at()), text(t.detail()))).toList());
      case "emails" -> new Table(List.of("Milestone", "Recipient", "Subject", "Status", "Attempts", "Created at",
          "Sent at", "Last error"), emails.stream().<List<?>>map(e -> List.of(e.milestone(), e.recipient(),
          e.subject(), e.status(), e.attempts(), text(e.createdAt()), text(e.sentAt()), text(e.lastError()))).toList());
      case "teachers" -> new Table(List.of("Teacher", "Course", "School", "PD status", "Phases", "Hours earned",
          "Hours planned", "Certificate"), detail.professionalDevelopment().stream().<List<?>>map(t -> List.of(
          t.name(), t.course(), t.school(), t.status(), t.phases().size(), t.hoursEarned(), t.plannedHours(),
          text(t.certificateNumber()))).toList());
      case "sections" -> new Table(List.of("Section", "Course", "School", "Readiness", "Reasons", "Reported at",
          "Ready at"), detail.sections().stream().<List<?>>map(s -> List.of(s.section(), s.course(), s.school(),
          s.readiness(), text(s.reasons()), text(s.reportedAt()), text(s.readyAt()))).toList());
      default -> throw new IllegalArgumentException("No table " + name + " on the partnership tab");
    };
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
