package org.codeorg.partnerships.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated data set for the reports: {@code count} partnerships spread round-robin over every
 * stage, in their own school year, written straight into the project's tables (districts, a school,
 * teachers with PD phases from the stage onwards, emails queued and failed, a timeline event).
 * They have no process instances: open tasks in the reports come from the sample partnerships.
 * Ids start at {@link #BASE}, far above what the sequences hand out; {@link #remove} takes them all
 * out again so the shared test context sees only its samples afterwards.
 *
 * <p>Queued emails are due in ten years, so no sender picks them up meanwhile.
 */
public final class ReportDataSet {

  public static final long BASE = 800_000_000L;
  private static final String[] STATES = {"CA", "TX", "NY", "WA", "IL"};
  private static final String[] COURSES = {"CSP", "ECS", "CS_ALGEBRA"};
  private static final int[] PHASE_HOURS = {20, 15, 10};

  private final JdbcTemplate jdbc;
  private final String schoolYear;

  public ReportDataSet(JdbcTemplate jdbc, String schoolYear) {
    this.jdbc = jdbc;
    this.schoolYear = schoolYear;
  }

  public String schoolYear() {
    return schoolYear;
  }

  /** The reference of the {@code i}-th generated partnership. */
  public static String reference(int i) {
    return String.format("DP-%d-%04d", 2090 + i / 10_000, i % 10_000);
  }

  /** The stage of the {@code i}-th generated partnership. */
  public static PartnershipStage stage(int i) {
    return PartnershipStage.values()[i % PartnershipStage.values().length];
  }

  /** Writes {@code count} partnerships (district names {@code "Generated district <i>"}, one starting with '='). */
  public void create(int count, Instant now) {
    List<Object[]> districts = new ArrayList<>();
    List<Object[]> partnerships = new ArrayList<>();
    List<Object[]> schools = new ArrayList<>();
    List<Object[]> teachers = new ArrayList<>();
    List<Object[]> phases = new ArrayList<>();
    List<Object[]> emails = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    Timestamp at = Timestamp.from(now);
    for (int i = 0; i < count; i++) {
      long id = BASE + i;
      PartnershipStage stage = stage(i);
      // One district name that a spreadsheet would run as a formula: the CSV must neutralise it.
      String name = i == 3 ? "=HYPERLINK(\"http://evil.example\",\"Generated district 3\")" : "Generated district " + i;
      districts.add(new Object[] {id, name, "G" + id, STATES[(i / 10) % STATES.length], at});
      partnerships.add(new Object[] {id, reference(i), id, schoolYear, stage.name(), "Contact " + i,
          "contact" + i + "@generated.example", "generated-" + i, at, "reply" + i + "@generated.example", at, at, 0L,
          Timestamp.from(now.minus(Duration.ofDays(i % 60)))});
      schools.add(new Object[] {id, id, "Generated High " + i, "HIGH"});
      events.add(new Object[] {id, id, "APPLICATION_RECEIVED", at, "generated"});
      int ordinal = stage.ordinal();
      boolean inPd = ordinal >= PartnershipStage.PLAN_APPROVED.ordinal() && stage != PartnershipStage.DECLINED;
      int teacherCount = inPd ? i % 3 + 1 : 0;
      for (int t = 0; t < teacherCount; t++) {
        long teacherId = BASE + i * 4L + t;
        String course = COURSES[(i + t) % COURSES.length];
        int completed = switch (stage) {
          case PLAN_APPROVED -> 0;
          case IMPLEMENTATION -> 1 + (i + t) % 2;
          default -> 3;
        };
        String teacherStatus = completed == 3 ? "COMPLETED" : completed == 0 ? "AWAITING_COMMITMENT" : "IN_PROGRESS";
        teachers.add(new Object[] {teacherId, id, id, "Teacher " + i + "-" + t, "t" + i + "-" + t + "@generated.example",
            course, teacherStatus, completed == 3 ? "CERT-" + teacherId : null});
        for (int phase = 1; phase <= 3; phase++) {
          boolean done = phase <= completed;
          String status = done ? "COMPLETED" : phase == completed + 1 && completed > 0 ? "OPEN" : "PLANNED";
          phases.add(new Object[] {BASE + i * 16L + t * 4L + phase, id, teacherId, course, phase, "Phase " + phase,
              "IN_PERSON", PHASE_HOURS[phase - 1], done ? PHASE_HOURS[phase - 1] : 0,
              LocalDate.of(2090, 6, 1).plusMonths(phase), LocalDate.of(2090, 6, 30).plusMonths(phase), status, 0, 0L});
        }
      }
      if (i % 7 == 0) {
        emails.add(email(id, i, "FAILED", 5, "550 mailbox unavailable", at, at));
      }
      if (i % 11 == 0) {
        emails.add(email(id + 500_000, i, "QUEUED", 0, null, at, Timestamp.from(now.plus(Duration.ofDays(3650)))));
      }
    }
    jdbc.batchUpdate("INSERT INTO district (id, name, nces_id, state, created_at) VALUES (?, ?, ?, ?, ?)", districts);
    jdbc.batchUpdate("""
        INSERT INTO partnership (id, reference, district_id, school_year, stage, contact_name, contact_email,
          one_to_one_computing, bandwidth_mbps, access_token_hash, token_issued_at, reply_to_email, created_at,
          updated_at, version, stage_entered_at, token_reference)
        VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 25, ?, ?, ?, ?, ?, ?, ?, ?)""", partnerships.stream()
        // A first-year partnership's link is derived from its own reference (V12).
        .map(row -> { Object[] withToken = java.util.Arrays.copyOf(row, row.length + 1); withToken[row.length] = row[1];
          return withToken; }).toList());
    jdbc.batchUpdate("INSERT INTO school (id, partnership_id, name, level) VALUES (?, ?, ?, ?)", schools);
    jdbc.batchUpdate("""
        INSERT INTO teacher (id, partnership_id, school_id, name, email, course, pd_status, certificate_number)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", teachers);
    jdbc.batchUpdate("""
        INSERT INTO pd_phase (id, partnership_id, teacher_id, course, phase_number, name, delivery, planned_hours,
          hours_earned, starts_on, due_on, status, make_ups, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", phases);
    jdbc.batchUpdate("""
        INSERT INTO email_outbox (id, idempotency_key, partnership_id, milestone, recipient, subject, body_text,
          body_html, status, attempts, last_error, created_at, next_attempt_at)
        VALUES (?, ?, ?, 'APPLICATION_RECEIVED', ?, ?, 'text', '<p>html</p>', ?, ?, ?, ?, ?)""", emails);
    jdbc.batchUpdate("INSERT INTO partnership_event (id, partnership_id, event, occurred_at, detail) VALUES (?, ?, ?, ?, ?)",
        events);
  }

  private static Object[] email(long id, int i, String status, int attempts, String error, Timestamp created,
      Timestamp next) {
    return new Object[] {id, "generated-" + status + "-" + i, BASE + i, "contact" + i + "@generated.example",
        "Generated email " + i, status, attempts, error, created, next};
  }

  /** Removes every generated row (those of this school year with ids from {@link #BASE}). */
  public void remove() {
    String mine = "SELECT id FROM partnership WHERE school_year = ? AND id >= " + BASE;
    for (String table : List.of("pd_phase", "teacher", "school", "email_outbox", "partnership_event")) {
      jdbc.update("DELETE FROM " + table + " WHERE partnership_id IN (" + mine + ")", schoolYear);
    }
    jdbc.update("DELETE FROM partnership WHERE school_year = ? AND id >= " + BASE, schoolYear);
    jdbc.update("DELETE FROM district WHERE id >= " + BASE
        + " AND NOT EXISTS (SELECT 1 FROM partnership p WHERE p.district_id = district.id)");
  }
}
