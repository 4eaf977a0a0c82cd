package org.codeorg.partnerships.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.mail.OutboxStatus;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.pd.PdPhaseStatus;
import org.codeorg.partnerships.workshop.SeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The managers' reports of the Cockpit plugin (README, "Reports in Cockpit"): the dashboard, the
 * partnerships list, the PD report. Each report is a fixed number of SQL statements whatever the
 * number of rows (aggregates and correlated sub-queries, no per-row lookups): the dashboard 3, a
 * page of partnerships, districts or teachers 2, the PD report 5.
 *
 * <p>Open tasks are the engine's runtime tasks whose process instance has the partnership's
 * reference as business key, as the staff API ({@code GET /api/partnerships/{reference}}) counts
 * them. Hours are whole hours; instants are UTC.
 */
@Service
public class PartnershipReports {

  /** Largest page the partnerships list and the teachers list serve. */
  public static final int MAX_PAGE_SIZE = 200;
  private static final Pattern SCHOOL_YEAR = Pattern.compile("\\d{4}-\\d{4}");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public PartnershipReports(DataSource dataSource, Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.clock = clock;
  }

  // ---------------------------------------------------------------- dashboard

  /** Partnerships at one stage, in the lifecycle's order. */
  public record StageCount(String stage, String label, long partnerships) {
  }

  /** Open tasks past their due date at one stage for one candidate group ({@code "(none)"}: no group). */
  public record OverdueTasks(String stage, String candidateGroup, long tasks) {
  }

  /** Emails waiting in the outbox and emails that gave up after their retries. */
  public record EmailHealth(long queued, long failed) {
  }

  public record Dashboard(List<StageCount> funnel, List<OverdueTasks> overdue, EmailHealth emails) {
  }

  /** The dashboard: every stage (zero included), overdue tasks, the outbox's health. Three statements. */
  public Dashboard dashboard() {
    Map<String, Long> byStage = new LinkedHashMap<>();
    jdbc.query("SELECT stage, COUNT(*) AS n FROM partnership GROUP BY stage",
        rs -> {
          byStage.put(rs.getString("stage"), rs.getLong("n"));
        });
    List<StageCount> funnel = new ArrayList<>();
    for (PartnershipStage stage : PartnershipStage.values()) {
      funnel.add(new StageCount(stage.name(), stage.label(), byStage.getOrDefault(stage.name(), 0L)));
    }
    List<OverdueTasks> overdue = jdbc.query("""
        SELECT p.stage AS stage, COALESCE(il.GROUP_ID_, '(none)') AS candidate_group, COUNT(DISTINCT t.ID_) AS n
        FROM ACT_RU_TASK t
        JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_
        JOIN partnership p ON p.reference = pi.BUSINESS_KEY_
        LEFT JOIN ACT_RU_IDENTITYLINK il ON il.TASK_ID_ = t.ID_ AND il.TYPE_ = 'candidate' AND il.GROUP_ID_ IS NOT NULL
        WHERE t.DUE_DATE_ < :now
        GROUP BY p.stage, COALESCE(il.GROUP_ID_, '(none)')
        ORDER BY p.stage, candidate_group""",
        new MapSqlParameterSource("now", Timestamp.from(clock.instant())),
        (rs, i) -> new OverdueTasks(rs.getString("stage"), rs.getString("candidate_group"), rs.getLong("n")));
    long[] emails = new long[2];
    jdbc.query("SELECT status, COUNT(*) AS n FROM email_outbox WHERE status IN (:statuses) GROUP BY status",
        new MapSqlParameterSource("statuses", List.of(OutboxStatus.QUEUED.name(), OutboxStatus.FAILED.name())),
        rs -> {
          emails[OutboxStatus.QUEUED.name().equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n");
        });
    return new Dashboard(funnel, overdue, new EmailHealth(emails[0], emails[1]));
  }

  // ---------------------------------------------------------------- partnerships

  /** Sortable columns of the partnerships list and the SQL that orders by them. */
  public enum PartnershipSort {
    reference("p.reference"), district("d.name"), state("d.state"), schoolYear("p.school_year"), stage("p.stage"),
    // More days in the stage is an earlier entry.
    daysInStage("p.stage_entered_at", true), nextDeadline("next_deadline"), openTasks("open_tasks"),
    teachersInPd("teachers_in_pd"), hoursEarned("hours_earned"), hoursPlanned("hours_planned");

    private final String column;
    private final boolean reversed;

    /** Sorting by an aggregate needs it for every row; by a column of the partnership, only for the page's rows. */
    boolean computed() {
      return !column.startsWith("p.") && !column.startsWith("d.");
    }

    PartnershipSort(String column) {
      this(column, false);
    }

    PartnershipSort(String column, boolean reversed) {
      this.column = column;
      this.reversed = reversed;
    }
  }

  /**
   * What the partnerships list shows. Every field may be null (no filter; first page of 50 by reference).
   *
   * @param search part of the district's name, any case
   * @param sort a {@link PartnershipSort} name
   * @param direction {@code asc} or {@code desc}
   * @param page zero-based
   * @param emailStatus only partnerships with an email in this outbox status (the dashboard's links)
   */
  public record PartnershipQuery(String stage, String state, String schoolYear, String search, String sort,
      String direction, Integer page, Integer size, String emailStatus) {

    public PartnershipQuery(String stage, String state, String schoolYear, String search, String sort,
        String direction, Integer page, Integer size) {
      this(stage, state, schoolYear, search, sort, direction, page, size, null);
    }
  }

  /** One partnership; {@code nextDeadline} is the earliest due date of its open tasks (null: none). */
  public record PartnershipRow(String reference, String district, String state, String schoolYear, String stage,
      String stageLabel, long daysInStage, Instant nextDeadline, long openTasks, long teachersInPd, long hoursEarned,
      long hoursPlanned, String processInstanceId) {
  }

  /** A page of rows; {@code total} counts every row that matches the filter. */
  public record Page<T>(int page, int size, long total, List<T> rows) {
  }

  private record Checked(MapSqlParameterSource params, String where, String orderBy, int page, int size,
      boolean computedSort) {
  }

  /**
   * A page of partnerships matching the filter. Two statements (the page, the count).
   *
   * @throws ReportQueryException an unknown stage, sort or direction, a malformed state or school
   *     year, a negative page or a size outside 1..{@value #MAX_PAGE_SIZE} (400 naming the field)
   */
  public Page<PartnershipRow> partnerships(PartnershipQuery query) {
    Checked checked = check(query);
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM partnership p JOIN district d ON d.id = p.district_id"
        + checked.where(), checked.params(), Long.class);
    MapSqlParameterSource params = checked.params().addValue("limit", checked.size())
        .addValue("offset", (long) checked.page() * checked.size());
    // Sorted by a column of its own, the page's partnerships are chosen first and only their aggregates computed
    // (an OFFSET would otherwise compute them for every skipped row); sorted by an aggregate, the aggregates are
    // computed once per table (GROUP BY) and joined.
    String sql = checked.computedSort()
        ? AGGREGATED_ROWS + checked.where() + checked.orderBy() + " LIMIT :limit OFFSET :offset"
        : PARTNERSHIP_COLUMNS + " FROM partnership p JOIN district d ON d.id = p.district_id WHERE p.id IN ("
            + "SELECT p.id FROM partnership p JOIN district d ON d.id = p.district_id" + checked.where()
            + checked.orderBy() + " LIMIT :limit OFFSET :offset)" + checked.orderBy();
    List<PartnershipRow> rows = jdbc.query(sql, params, this::row);
    return new Page<>(checked.page(), checked.size(), total, rows);
  }

  /** Every partnership matching the filter (paging ignored), for the CSV download. One statement. */
  public List<PartnershipRow> allPartnerships(PartnershipQuery query) {
    Checked checked = check(query);
    return jdbc.query(AGGREGATED_ROWS + checked.where() + checked.orderBy(), checked.params(), this::row);
  }

  /** A partnership's columns with its aggregates as correlated sub-queries: for a few rows. */
  private static final String PARTNERSHIP_COLUMNS = """
      SELECT p.reference, d.name AS district, d.state, p.school_year, p.stage, p.stage_entered_at,
        p.process_instance_id,
        (SELECT MIN(t.DUE_DATE_) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
          WHERE e.BUSINESS_KEY_ = p.reference) AS next_deadline,
        (SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
          WHERE e.BUSINESS_KEY_ = p.reference) AS open_tasks,
        (SELECT COUNT(DISTINCT ph.teacher_id) FROM pd_phase ph WHERE ph.partnership_id = p.id) AS teachers_in_pd,
        (SELECT COALESCE(SUM(ph.hours_earned), 0) FROM pd_phase ph WHERE ph.partnership_id = p.id) AS hours_earned,
        (SELECT COALESCE(SUM(ph.planned_hours), 0) FROM pd_phase ph WHERE ph.partnership_id = p.id) AS hours_planned""";

  /** Every partnership's aggregates, grouped once per table: for sorting by them and for the whole list. */
  private static final String AGGREGATED_ROWS = """
      SELECT p.reference, d.name AS district, d.state, p.school_year, p.stage, p.stage_entered_at,
        p.process_instance_id, tk.next_deadline, COALESCE(tk.open_tasks, 0) AS open_tasks,
        COALESCE(pd.teachers, 0) AS teachers_in_pd, COALESCE(pd.earned, 0) AS hours_earned,
        COALESCE(pd.planned, 0) AS hours_planned
      FROM partnership p JOIN district d ON d.id = p.district_id
      LEFT JOIN (SELECT ph.partnership_id, COUNT(DISTINCT ph.teacher_id) AS teachers, SUM(ph.hours_earned) AS earned,
          SUM(ph.planned_hours) AS planned FROM pd_phase ph GROUP BY ph.partnership_id) pd ON pd.partnership_id = p.id
      LEFT JOIN (SELECT e.BUSINESS_KEY_ AS business_key, COUNT(*) AS open_tasks, MIN(t.DUE_DATE_) AS next_deadline
          FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ GROUP BY e.BUSINESS_KEY_) tk
        ON tk.business_key = p.reference""";

  private PartnershipRow row(ResultSet rs, int i) throws SQLException {
    PartnershipStage stage = PartnershipStage.valueOf(rs.getString("stage"));
    Instant entered = rs.getTimestamp("stage_entered_at").toInstant();
    Timestamp deadline = rs.getTimestamp("next_deadline");
    return new PartnershipRow(rs.getString("reference"), rs.getString("district"), rs.getString("state"),
        rs.getString("school_year"), stage.name(), stage.label(),
        Math.max(0, Duration.between(entered, clock.instant()).toDays()),
        deadline == null ? null : deadline.toInstant(), rs.getLong("open_tasks"), rs.getLong("teachers_in_pd"),
        rs.getLong("hours_earned"), rs.getLong("hours_planned"), rs.getString("process_instance_id"));
  }

  private Checked check(PartnershipQuery q) {
    List<FieldViolation> violations = new ArrayList<>();
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (present(q.stage())) {
      try {
        params.addValue("stage", PartnershipStage.valueOf(q.stage()).name());
        where.append(" AND p.stage = :stage");
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("stage", "is not a stage of the lifecycle"));
      }
    }
    if (present(q.state())) {
      if (STATE.matcher(q.state()).matches()) {
        params.addValue("state", q.state());
        where.append(" AND d.state = :state");
      } else {
        violations.add(new FieldViolation("state", "must be a two-letter state code such as CA"));
      }
    }
    if (present(q.schoolYear())) {
      if (SCHOOL_YEAR.matcher(q.schoolYear()).matches()) {
        params.addValue("schoolYear", q.schoolYear());
        where.append(" AND p.school_year = :schoolYear");
      } else {
        violations.add(new FieldViolation("schoolYear", "must look like 2027-2028"));
      }
    }
    if (present(q.search())) {
      if (q.search().length() > 200 || q.search().chars().anyMatch(Character::isISOControl)) {
        violations.add(new FieldViolation("search", "must be one line of at most 200 characters"));
      } else {
        params.addValue("search", "%" + q.search().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
            .replace("%", "\\%").replace("_", "\\_") + "%");
        where.append(" AND LOWER(d.name) LIKE :search ESCAPE '\\'");
      }
    }
    if (present(q.emailStatus())) {
      try {
        params.addValue("emailStatus", OutboxStatus.valueOf(q.emailStatus()).name());
        where.append(" AND EXISTS (SELECT 1 FROM email_outbox o WHERE o.partnership_id = p.id"
            + " AND o.status = :emailStatus)");
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("emailStatus", "is not a status of the outbox"));
      }
    }
    PartnershipSort sort = PartnershipSort.reference;
    if (present(q.sort())) {
      try {
        sort = PartnershipSort.valueOf(q.sort());
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("sort", "is not a column of the list"));
      }
    }
    boolean descending = false;
    if (present(q.direction())) {
      if (!q.direction().equals("asc") && !q.direction().equals("desc")) {
        violations.add(new FieldViolation("direction", "must be asc or desc"));
      }
      descending = "desc".equals(q.direction());
    }
    int page = q.page() == null ? 0 : q.page();
    int size = q.size() == null ? 50 : q.size();
    if (page < 0) {
      violations.add(new FieldViolation("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      violations.add(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new ReportQueryException(violations);
    }
    boolean sqlDescending = descending != sort.reversed;
    String orderBy = " ORDER BY " + sort.column + (sqlDescending ? " DESC NULLS LAST" : " ASC NULLS LAST")
        + ", p.reference ASC";
    return new Checked(params, where.toString(), orderBy, page, size, sort.computed());
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  // ---------------------------------------------------------------- PD report

  /** Hours earned and planned by one key (a partnership's district, or a course). */
  public record Hours(String key, String detail, long teachers, long hoursEarned, long hoursPlanned) {
  }

  /**
   * One PD phase of a course across teachers: how many teachers had it, started it (any status
   * but PLANNED), finished it (COMPLETED), missed it or withdrew; retention is finished ÷ started.
   */
  public record PhaseRetention(String course, int phase, String name, long teachers, long started, long finished,
      long missed, long withdrawn) {
  }

  /** Seats of one workshop: fill rate is enrolled ÷ capacity. */
  public record WorkshopFill(String reference, String title, String course, int phase, String region, String status,
      String facilitator, int capacity, long enrolled, long waitlisted) {
  }

  /** Attendance recorded for one session; rate is present ÷ recorded. */
  public record SessionAttendance(String workshop, int session, Instant startsAt, long recorded, long present) {
  }

  /** Workshops, sessions and session hours per facilitator (workshops not closed). */
  public record FacilitatorLoad(String facilitator, long workshops, long sessions, long hours) {
  }

  public record PdReport(List<Hours> byCourse, List<PhaseRetention> phases,
      List<WorkshopFill> workshops, List<SessionAttendance> sessions, List<FacilitatorLoad> facilitators) {
  }

  /** The PD report except the districts and teachers (paged: {@link #districts}, {@link #teachers}). Five statements. */
  public PdReport pd() {
    List<Hours> byCourse = jdbc.query("""
        SELECT ph.course, COUNT(DISTINCT ph.teacher_id) AS teachers, SUM(ph.hours_earned) AS earned,
          SUM(ph.planned_hours) AS planned
        FROM pd_phase ph GROUP BY ph.course ORDER BY ph.course""",
        (rs, i) -> new Hours(rs.getString("course"), null, rs.getLong("teachers"), rs.getLong("earned"),
            rs.getLong("planned")));
    List<PhaseRetention> phases = jdbc.query("""
        SELECT ph.course, ph.phase_number, MIN(ph.name) AS name, COUNT(*) AS teachers,
          SUM(CASE WHEN ph.status <> :planned THEN 1 ELSE 0 END) AS started,
          SUM(CASE WHEN ph.status = :completed THEN 1 ELSE 0 END) AS finished,
          SUM(CASE WHEN ph.status = :missed THEN 1 ELSE 0 END) AS missed,
          SUM(CASE WHEN ph.status = :withdrawn THEN 1 ELSE 0 END) AS withdrawn
        FROM pd_phase ph GROUP BY ph.course, ph.phase_number ORDER BY ph.course, ph.phase_number""",
        new MapSqlParameterSource("planned", PdPhaseStatus.PLANNED.name())
            .addValue("completed", PdPhaseStatus.COMPLETED.name()).addValue("missed", PdPhaseStatus.MISSED.name())
            .addValue("withdrawn", PdPhaseStatus.WITHDRAWN.name()),
        (rs, i) -> new PhaseRetention(rs.getString("course"), rs.getInt("phase_number"), rs.getString("name"),
            rs.getLong("teachers"), rs.getLong("started"), rs.getLong("finished"), rs.getLong("missed"),
            rs.getLong("withdrawn")));
    List<WorkshopFill> workshops = jdbc.query("""
        SELECT w.reference, w.title, w.course, w.phase_number, w.region, w.status, w.facilitator, w.capacity,
          SUM(CASE WHEN s.status = :enrolled THEN 1 ELSE 0 END) AS enrolled,
          SUM(CASE WHEN s.status = :waitlisted THEN 1 ELSE 0 END) AS waitlisted
        FROM workshop w LEFT JOIN workshop_seat s ON s.workshop_id = w.id
        GROUP BY w.reference, w.title, w.course, w.phase_number, w.region, w.status, w.facilitator, w.capacity
        ORDER BY w.reference""",
        new MapSqlParameterSource("enrolled", SeatStatus.ENROLLED.name())
            .addValue("waitlisted", SeatStatus.WAITLISTED.name()),
        (rs, i) -> new WorkshopFill(rs.getString("reference"), rs.getString("title"), rs.getString("course"),
            rs.getInt("phase_number"), rs.getString("region"), rs.getString("status"), rs.getString("facilitator"),
            rs.getInt("capacity"), rs.getLong("enrolled"), rs.getLong("waitlisted")));
    List<SessionAttendance> sessions = jdbc.query("""
        SELECT w.reference, ss.session_number, ss.starts_at, COUNT(a.id) AS recorded,
          SUM(CASE WHEN a.present THEN 1 ELSE 0 END) AS present
        FROM workshop_session ss JOIN workshop w ON w.id = ss.workshop_id
        LEFT JOIN workshop_attendance a ON a.workshop_id = ss.workshop_id AND a.session_number = ss.session_number
        GROUP BY w.reference, ss.session_number, ss.starts_at ORDER BY w.reference, ss.session_number""",
        (rs, i) -> new SessionAttendance(rs.getString("reference"), rs.getInt("session_number"),
            rs.getTimestamp("starts_at").toInstant(), rs.getLong("recorded"), rs.getLong("present")));
    List<FacilitatorLoad> facilitators = jdbc.query("""
        SELECT w.facilitator, COUNT(DISTINCT w.id) AS workshops, COUNT(ss.id) AS sessions,
          COALESCE(SUM(ss.hours), 0) AS hours
        FROM workshop w LEFT JOIN workshop_session ss ON ss.workshop_id = w.id
        WHERE w.facilitator IS NOT NULL AND w.status <> 'CLOSED'
        GROUP BY w.facilitator ORDER BY w.facilitator""",
        (rs, i) -> new FacilitatorLoad(rs.getString("facilitator"), rs.getLong("workshops"), rs.getLong("sessions"),
            rs.getLong("hours")));
    return new PdReport(byCourse, phases, workshops, sessions, facilitators);
  }

  private static final String DISTRICT_HOURS = """
      SELECT d.name AS district, p.reference, COUNT(DISTINCT ph.teacher_id) AS teachers,
        SUM(ph.hours_earned) AS earned, SUM(ph.planned_hours) AS planned
      FROM pd_phase ph JOIN partnership p ON p.id = ph.partnership_id JOIN district d ON d.id = p.district_id""";

  private static Hours hours(ResultSet rs, int i) throws SQLException {
    return new Hours(rs.getString("district"), rs.getString("reference"), rs.getLong("teachers"), rs.getLong("earned"),
        rs.getLong("planned"));
  }

  /**
   * A page of PD hours per partnership (district name, reference), by district. Two statements.
   *
   * @throws ReportQueryException a negative page or a size outside 1..{@value #MAX_PAGE_SIZE} (400)
   */
  public Page<Hours> districts(Integer page, Integer size) {
    int p = checkPage(page);
    int s = checkSize(size, p);
    long total = jdbc.queryForObject("SELECT COUNT(DISTINCT partnership_id) FROM pd_phase", Map.of(), Long.class);
    List<Hours> rows = jdbc.query(DISTRICT_HOURS + """
         WHERE p.id IN (SELECT p2.id FROM partnership p2 JOIN district d2 ON d2.id = p2.district_id
          WHERE EXISTS (SELECT 1 FROM pd_phase x WHERE x.partnership_id = p2.id)
          ORDER BY d2.name, p2.reference LIMIT :limit OFFSET :offset)
        GROUP BY d.name, p.reference ORDER BY d.name, p.reference""",
        new MapSqlParameterSource("limit", s).addValue("offset", (long) p * s), PartnershipReports::hours);
    return new Page<>(p, s, total, rows);
  }

  /** PD hours of every partnership with PD, for the CSV download. One statement. */
  public List<Hours> allDistricts() {
    return jdbc.query(DISTRICT_HOURS + " GROUP BY d.name, p.reference ORDER BY d.name, p.reference",
        PartnershipReports::hours);
  }

  private static int checkPage(Integer page) {
    int p = page == null ? 0 : page;
    if (p < 0) {
      throw new ReportQueryException(List.of(new FieldViolation("page", "must be 0 or more")));
    }
    return p;
  }

  private static int checkSize(Integer size, int page) {
    int s = size == null ? 50 : size;
    if (s < 1 || s > MAX_PAGE_SIZE) {
      throw new ReportQueryException(List.of(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE)));
    }
    return s;
  }

  /** A teacher in PD: hours over all phases, phases finished of phases planned. */
  public record TeacherHours(String reference, String district, String teacher, String course, String status,
      String certificateNumber, long phases, long phasesFinished, long hoursEarned, long hoursPlanned) {
  }

  /**
   * A page of the teachers in PD (those with PD phases), by district and name. Two statements.
   *
   * @throws ReportQueryException a negative page or a size outside 1..{@value #MAX_PAGE_SIZE} (400)
   */
  public Page<TeacherHours> teachers(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 50 : size;
    List<FieldViolation> violations = new ArrayList<>();
    if (p < 0) {
      violations.add(new FieldViolation("page", "must be 0 or more"));
    }
    if (s < 1 || s > MAX_PAGE_SIZE) {
      violations.add(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new ReportQueryException(violations);
    }
    long total = jdbc.queryForObject("SELECT COUNT(DISTINCT teacher_id) FROM pd_phase", Map.of(), Long.class);
    // The page's teachers first (ordered by district, partnership and name), then their phases' sums only.
    List<TeacherHours> rows = jdbc.query("""
        SELECT p.reference, d.name AS district, t.name AS teacher, t.course, t.pd_status, t.certificate_number,
          COUNT(ph.id) AS phases, SUM(CASE WHEN ph.status = :completed THEN 1 ELSE 0 END) AS finished,
          SUM(ph.hours_earned) AS earned, SUM(ph.planned_hours) AS planned
        FROM teacher t JOIN pd_phase ph ON ph.teacher_id = t.id JOIN partnership p ON p.id = t.partnership_id
        JOIN district d ON d.id = p.district_id
        WHERE t.id IN (SELECT t2.id FROM teacher t2 JOIN partnership p2 ON p2.id = t2.partnership_id
          JOIN district d2 ON d2.id = p2.district_id
          WHERE EXISTS (SELECT 1 FROM pd_phase x WHERE x.teacher_id = t2.id)
          ORDER BY d2.name, p2.reference, t2.name, t2.id LIMIT :limit OFFSET :offset)
        GROUP BY t.id, p.reference, d.name, t.name, t.course, t.pd_status, t.certificate_number
        ORDER BY d.name, p.reference, t.name, t.id""",
        new MapSqlParameterSource("completed", PdPhaseStatus.COMPLETED.name()).addValue("limit", s)
            .addValue("offset", (long) p * s),
        (rs, i) -> new TeacherHours(rs.getString("reference"), rs.getString("district"), rs.getString("teacher"),
            rs.getString("course"), rs.getString("pd_status"), rs.getString("certificate_number"),
            rs.getLong("phases"), rs.getLong("finished"), rs.getLong("earned"), rs.getLong("planned")));
    return new Page<>(p, s, total, rows);
  }
}
