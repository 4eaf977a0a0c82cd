package org.codeorg.partnerships.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.evaluation.EvaluationProcess;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.pd.ProfessionalDevelopmentProcess;
import org.codeorg.partnerships.workshop.WorkshopProcess;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national-scale data set (issue 19): {@code partnerships} partnerships spread over every stage
 * as a program a year in has them, with the engine state each stage has — real process instances
 * of the shipped models, started at the step they wait in ({@code startBeforeActivity}), so their
 * tasks, candidate-group identity links, per-task authorizations, message subscriptions and timer
 * jobs are the ones the engine itself creates. At 10,000 partnerships:
 * <ul>
 * <li>5,500 partnerships in PD (PLAN_APPROVED 10 %, IMPLEMENTATION 45 %) with 18 teachers each
 * (99,000 teachers); 12,000 teachers wait for the district's guarantee (task for district liaisons,
 * message subscription {@code TeacherCommitmentReceived} and the deadline timer), 76,500 wait for a
 * phase report (message subscription {@code PdPhaseReported} and the phase-deadline timer), 2,250
 * wait for a PD manager's decision on a missed phase;</li>
 * <li>2,000 open workshops (a quarter waiting for a facilitator to be chosen, the rest waiting for
 * the ten-days-before reminder timer);</li>
 * <li>lifecycle instances at the step of their stage (review, signature, plan, renewal, elementary
 * PD path, CS Ed week timer) and program evaluations (district data, evaluators' assessment);</li>
 * <li>closed, declined and withdrawn partnerships as rows only.</li>
 * </ul>
 * About 20,000 open tasks; creation times spread over the past year, a third of the due dates
 * past. Project rows (districts, schools, teachers with their PD instance, the hours ledger,
 * workshops) are written with JDBC batches in the same transaction as their instances.
 *
 * <p>What it does not have: the PD instances are not called by their lifecycle instance (no super
 * execution: they are started on their own with the variables the call would pass), and the
 * history is that of these starts, not of a year of completed steps. Neither matters to what is
 * measured: task queries, message correlation by instance id and timers read the runtime tables.
 */
final class NationalDataSet {

  static final long BASE = 900_000_000L;
  private static final int TEACHERS_PER_PARTNERSHIP = 18;
  private static final int COMMITMENT_TEACHERS = 12;      // of a PLAN_APPROVED partnership; the rest not started
  private static final int CHUNK = 20;                     // partnerships per transaction
  private static final String[] COURSES = {"CSP", "ECS", "CS_ALGEBRA"};
  private static final String[] STATES = {"CA", "TX", "NY", "WA", "IL", "FL", "OH", "GA"};

  private final ConfigurableApplicationContext context;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final DistrictAccessTokens tokens;
  private final Instant now;
  private final AtomicInteger instances = new AtomicInteger();

  NationalDataSet(ConfigurableApplicationContext context, Instant now) {
    this.context = context;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    this.tokens = context.getBean(DistrictAccessTokens.class);
    this.now = now;
  }

  /** The stage of the {@code i}-th partnership: a program a year in (percentages per 100 partnerships). */
  static PartnershipStage stage(int i) {
    int p = i % 100;
    if (p < 6) return PartnershipStage.APPLICATION_REVIEW;
    if (p < 8) return PartnershipStage.AWAITING_INFORMATION;
    if (p < 12) return PartnershipStage.TERMS_SIGNATURE;
    if (p < 20) return PartnershipStage.COMPREHENSIVE_PLAN;
    if (p < 30) return PartnershipStage.PLAN_APPROVED;
    if (p < 75) return PartnershipStage.IMPLEMENTATION;
    if (p < 83) return PartnershipStage.EVALUATION;
    if (p < 86) return PartnershipStage.RENEWAL_CONFIRMATION;
    if (p < 88) return PartnershipStage.RENEWAL_REVIEW;
    if (p < 94) return PartnershipStage.CLOSED;
    if (p < 97) return PartnershipStage.DECLINED;
    return PartnershipStage.WITHDRAWN;
  }

  static String reference(int i) {
    return String.format("DP-2031-%05d", i);
  }

  /** Builds everything, {@code threads} transactions at a time; logs progress. */
  void build(int partnerships, int workshops, int threads) throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> work = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    for (int from = 0; from < partnerships; from += CHUNK) {
      int first = from;
      int last = Math.min(partnerships, from + CHUNK);
      work.add(pool.submit(() -> {
        transactions.executeWithoutResult(status -> partnerships(first, last));
        int finished = done.addAndGet(last - first);
        if (finished % 500 < CHUNK || finished == partnerships) {
          double seconds = (System.nanoTime() - started) / 1e9;
          BenchResults.say("  national data set: %,d / %,d partnerships, %,d process instances, %.0f s (%.1f instances/s)",
              finished, partnerships, instances.get(), seconds, instances.get() / seconds);
        }
        return null;
      }));
    }
    for (int from = 0; from < workshops; from += 100) {
      int first = from;
      int last = Math.min(workshops, from + 100);
      work.add(pool.submit(() -> {
        transactions.executeWithoutResult(status -> workshops(first, last));
        return null;
      }));
    }
    try {
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    spreadOverTheYear();
  }

  private void partnerships(int first, int last) {
    Timestamp at = Timestamp.from(now);
    List<Object[]> districts = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> schools = new ArrayList<>();
    List<Object[]> teachers = new ArrayList<>();
    List<Object[]> phases = new ArrayList<>();
    for (int i = first; i < last; i++) {
      long id = BASE + i;
      PartnershipStage stage = stage(i);
      String reference = reference(i);
      String token = tokens.tokenFor(reference, 1);
      Timestamp created = Timestamp.from(now.minus(Duration.ofDays(i % 365)));
      districts.add(new Object[] {id, "National district " + i, "N" + id, STATES[i % STATES.length], created});
      rows.add(new Object[] {id, reference, id, "2031-2032", stage.name(), "Contact " + i, "contact" + i + "@national.example",
          DistrictAccessTokens.hash(token), created, "reply" + i + "@national.example", created, at, 0L,
          Timestamp.from(now.minus(Duration.ofDays(i % 60))), reference});
      schools.add(new Object[] {id, id, "National High " + i, "HIGH"});
      boolean inPd = stage == PartnershipStage.PLAN_APPROVED || stage == PartnershipStage.IMPLEMENTATION;
      for (int t = 0; inPd && t < TEACHERS_PER_PARTNERSHIP; t++) {
        long teacherId = teacherId(i, t);
        String course = COURSES[(i + t) % COURSES.length];
        String pdStatus = stage == PartnershipStage.PLAN_APPROVED
            ? (t < COMMITMENT_TEACHERS ? "AWAITING_COMMITMENT" : "NOT_STARTED") : "IN_PROGRESS";
        teachers.add(new Object[] {teacherId, id, id, "Teacher " + i + "-" + t, "t" + i + "-" + t + "@national.example",
            course, pdStatus});
        if (stage == PartnershipStage.IMPLEMENTATION) {
          int open = openPhase(i, t);
          for (int phase = 1; phase <= 3; phase++) {
            String status = phase < open ? "COMPLETED" : phase == open ? "OPEN" : "PLANNED";
            phases.add(new Object[] {teacherId * 4 + phase, id, teacherId, course, phase, "Phase " + phase,
                phase == 2 ? "ONLINE" : "IN_PERSON", 20, phase < open ? 20 : 0, LocalDate.of(2031, 6, 1).plusMonths(phase),
                LocalDate.of(2031, 6, 30).plusMonths(phase), status, 0, 0L});
          }
        }
      }
    }
    jdbc.batchUpdate("INSERT INTO district (id, name, nces_id, state, created_at) VALUES (?, ?, ?, ?, ?)", districts);
    jdbc.batchUpdate("""
        INSERT INTO partnership (id, reference, district_id, school_year, stage, contact_name, contact_email,
          one_to_one_computing, bandwidth_mbps, access_token_hash, token_issued_at, reply_to_email, created_at,
          updated_at, version, stage_entered_at, token_reference)
        VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 25, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    jdbc.batchUpdate("INSERT INTO school (id, partnership_id, name, level) VALUES (?, ?, ?, ?)", schools);
    jdbc.batchUpdate("""
        INSERT INTO teacher (id, partnership_id, school_id, name, email, course, pd_status)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", teachers);
    jdbc.batchUpdate("""
        INSERT INTO pd_phase (id, partnership_id, teacher_id, course, phase_number, name, delivery, planned_hours,
          hours_earned, starts_on, due_on, status, make_ups, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", phases);

    List<Object[]> lifecycleLinks = new ArrayList<>();
    List<Object[]> teacherLinks = new ArrayList<>();
    for (int i = first; i < last; i++) {
      PartnershipStage stage = stage(i);
      Map<String, Object> context = new HashMap<>();
      context.put(LifecycleProcess.VAR_PARTNERSHIP_ID, BASE + i);
      context.put(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, reference(i));
      context.put(LifecycleProcess.VAR_DISTRICT_NAME, "National district " + i);
      context.put(LifecycleProcess.VAR_PARTNERSHIP_STAGE, stage.name());
      String lifecycleStep = switch (stage) {
        case APPLICATION_REVIEW -> "Task_ReviewApplication";
        case AWAITING_INFORMATION -> "Task_WaitForInformation";
        case TERMS_SIGNATURE -> "Task_RecordSignedAgreement";
        case COMPREHENSIVE_PLAN -> i % 2 == 0 ? "Task_WaitForPlan" : "Task_ReviewPlan";
        case PLAN_APPROVED -> "Task_ChooseElementaryPdPath";
        case IMPLEMENTATION -> "Timer_BeforeCsEdWeek";
        case EVALUATION -> i % 4 == 0 ? "Task_DecideCloseOrRenew" : null;
        case RENEWAL_CONFIRMATION -> "Task_WaitForRenewalConfirmation";
        case RENEWAL_REVIEW -> "Task_ReviewRenewal";
        default -> null;
      };
      if (lifecycleStep != null) {
        Map<String, Object> variables = new HashMap<>(context);
        variables.put("hourOfCodeAt", Date.from(now.plus(Duration.ofDays(20 + i % 40))));
        lifecycleLinks.add(new Object[] {start(LifecycleProcess.PROCESS_KEY, reference(i), lifecycleStep, variables), BASE + i});
      }
      if (stage == PartnershipStage.EVALUATION && i % 4 != 0) {
        Map<String, Object> variables = new HashMap<>(context);
        variables.put("evaluationDataDueAt", dueDate(i));
        start(EvaluationProcess.PROCESS_KEY, reference(i), i % 4 == 1 ? "Task_AssessProgram" : "Task_RecordEvaluationData",
            variables);
      }
      for (int t = 0; t < TEACHERS_PER_PARTNERSHIP; t++) {
        String step;
        Map<String, Object> variables = new HashMap<>(context);
        long teacherId = teacherId(i, t);
        variables.put("teacherId", teacherId);
        variables.put("teacherName", "Teacher " + i + "-" + t);
        variables.put("teacherSummary", "Teacher " + i + "-" + t + ", " + COURSES[(i + t) % COURSES.length]);
        if (stage == PartnershipStage.PLAN_APPROVED && t < COMMITMENT_TEACHERS) {
          step = ProfessionalDevelopmentProcess.TASK_CONFIRM_COMMITMENT;
          variables.put("commitmentDeadline", dueDate(i * 31 + t));
        } else if (stage == PartnershipStage.IMPLEMENTATION) {
          int open = openPhase(i, t);
          variables.put("phaseCount", 3);
          variables.put("phaseNumber", open);
          variables.put("phaseName", "Phase " + open);
          variables.put("phaseDelivery", open == 2 ? "ONLINE" : "IN_PERSON");
          variables.put("phaseDueDate", Date.from(now.plus(Duration.ofDays(7 + (i * 31L + t) % 150))));
          step = t == 0 && i % 2 == 0 ? ProfessionalDevelopmentProcess.TASK_DECIDE_MISSED_PHASE
              : ProfessionalDevelopmentProcess.TASK_WAIT_FOR_PHASE_REPORT;
        } else {
          continue;
        }
        teacherLinks.add(new Object[] {start(ProfessionalDevelopmentProcess.PROCESS_KEY, reference(i), step, variables),
            teacherId});
      }
    }
    jdbc.batchUpdate("UPDATE partnership SET process_instance_id = ? WHERE id = ?", lifecycleLinks);
    jdbc.batchUpdate("UPDATE teacher SET pd_process_instance_id = ? WHERE id = ?", teacherLinks);
  }

  private void workshops(int first, int last) {
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> sessions = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    for (int w = first; w < last; w++) {
      long id = BASE + w;
      String reference = String.format("WS-N%05d", w);
      String course = COURSES[w % COURSES.length];
      int phase = w % 2 == 0 ? 1 : 3;
      Instant firstSession = now.plus(Duration.ofDays(15 + w % 120));
      rows.add(new Object[] {id, reference, course, phase, course + " phase " + phase + " #" + w, STATES[w % STATES.length],
          "Learning Center " + w, 30, "pdmanager", w % 4 == 0 ? null : "facilitator", at, "America/Los_Angeles"});
      for (int s = 1; s <= 2; s++) {
        Instant begins = firstSession.plus(Duration.ofDays(s - 1));
        sessions.add(new Object[] {id * 2 + s, id, s, Timestamp.from(begins), Timestamp.from(begins.plus(Duration.ofHours(7))), 7});
      }
    }
    jdbc.batchUpdate("""
        INSERT INTO workshop (id, reference, course, phase_number, title, region, location, capacity, organizer,
          facilitator, status, dates_revision, created_at, version, time_zone, calendar_sequence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, 0, ?, 0)""", rows);
    jdbc.batchUpdate("""
        INSERT INTO workshop_session (id, workshop_id, session_number, starts_at, ends_at, hours)
        VALUES (?, ?, ?, ?, ?, ?)""", sessions);
    for (int w = first; w < last; w++) {
      Object[] row = rows.get(w - first);
      Instant firstSession = ((Timestamp) sessions.get((w - first) * 2)[3]).toInstant();
      Map<String, Object> variables = new HashMap<>();
      variables.put("workshopId", BASE + w);
      variables.put("workshopReference", row[1]);
      variables.put("workshopTitle", row[4]);
      variables.put("organizer", "pdmanager");
      variables.put("workshopScheduledBy", "pdmanager");
      variables.put("sessionCount", 2);
      variables.put("firstSessionAt", Date.from(firstSession));
      variables.put("reminderTenDaysAt", Date.from(firstSession.minus(Duration.ofDays(10))));
      variables.put("reminderThreeDaysAt", Date.from(firstSession.minus(Duration.ofDays(3))));
      variables.put("closeReminderAt", Date.from(firstSession.plus(Duration.ofDays(3))));
      if (row[9] != null) {
        variables.put("facilitator", row[9]);
      }
      String step = row[9] == null ? "Task_ChooseFacilitator" : "Timer_TenDaysBefore";
      links.add(new Object[] {start(WorkshopProcess.PROCESS_KEY, (String) row[1], step, variables), BASE + w});
    }
    jdbc.batchUpdate("UPDATE workshop SET process_instance_id = ? WHERE id = ?", links);
  }

  private String start(String key, String businessKey, String activity, Map<String, Object> variables) {
    ProcessInstance instance = runtime.createProcessInstanceByKey(key).businessKey(businessKey)
        .setVariables(variables).startBeforeActivity(activity).execute();
    instances.incrementAndGet();
    return instance.getId();
  }

  /** A third of the due dates past (overdue), the rest within the coming two months. */
  private Date dueDate(int n) {
    return Date.from(n % 3 == 0 ? now.minus(Duration.ofDays(1 + n % 30)) : now.plus(Duration.ofDays(1 + n % 60)));
  }

  private static long teacherId(int partnership, int t) {
    return BASE + partnership * 32L + t;
  }

  /** The phase a teacher in IMPLEMENTATION is in: 1 to 3. */
  private static int openPhase(int partnership, int t) {
    return 1 + (partnership + t) % 3;
  }

  /**
   * Tasks were opened over the past year, not all this minute: their creation times (the sort of
   * every Tasklist list) spread over it, and the due dates the models set from "now" (ten days
   * after a review opens) a third in the past, as a backlog has them.
   */
  private void spreadOverTheYear() {
    jdbc.update("UPDATE ACT_RU_TASK SET CREATE_TIME_ = CREATE_TIME_ - (abs(hashtext(ID_)) % 365) * INTERVAL '1 day'"
        + " WHERE PROC_INST_ID_ IN (SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE 'DP-2031-%' OR BUSINESS_KEY_ LIKE 'WS-N%')");
    jdbc.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = DUE_DATE_ - INTERVAL '20 days'"
        + " WHERE DUE_DATE_ IS NOT NULL AND abs(hashtext(ID_)) % 3 = 0 AND DUE_DATE_ > now()");
  }
}
