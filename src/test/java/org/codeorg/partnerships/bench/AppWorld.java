package org.codeorg.partnerships.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.codeorg.partnerships.PartnershipOrchestratorApplication;
import org.codeorg.partnerships.application.ApplicationIntake;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.pd.PdPhaseReports;
import org.codeorg.partnerships.classroom.SectionFacts;
import org.codeorg.partnerships.classroom.SectionReadinessReports;
import org.codeorg.partnerships.evaluation.EvaluationData;
import org.codeorg.partnerships.evaluation.EvaluationSubmissions;
import org.codeorg.partnerships.pd.PhaseCompletion;
import org.codeorg.partnerships.pd.CommitmentAnswer;
import org.codeorg.partnerships.pd.TeacherCommitments;
import org.codeorg.partnerships.plan.PlanSections;
import org.codeorg.partnerships.plan.PlanSubmissions;
import org.codeorg.partnerships.workshop.SessionTimes;
import org.codeorg.partnerships.workshop.WorkshopScheduling;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application in-process (whole Spring context, its own database), driven through the
 * services behind the HTTP endpoints: the intake, the district's submissions with its token,
 * the online PD environment's reports and the PD manager's workshop scheduling. The job
 * executor and the email sender are off (emails are rendered and queued, not handed to SMTP).
 */
final class AppWorld implements Autopilot.World {

  /** Planned hours of the online phases (pd-track.dmn), which the online environment reports. */
  private static final Map<String, Integer> ONLINE_HOURS = Map.of("ECS:1", 20, "ECS:4", 15, "CSP:1", 20, "CSP:4", 15,
      "CS_ALGEBRA:3", 10);

  private final Shape shape;
  private final ConfigurableApplicationContext context;
  private final ProcessEngine engine;
  private final ApplicationIntake intake;
  private final PlanSubmissions plans;
  private final SectionReadinessReports readiness;
  private final TeacherCommitments commitments;
  private final EvaluationSubmissions evaluations;
  private final PdPhaseReports phaseReports;
  private final WorkshopScheduling scheduling;
  private final DistrictAccessTokens tokens;
  private final JdbcTemplate jdbc;
  private final Map<Long, String> courseOf = new ConcurrentHashMap<>();

  AppWorld(Shape shape, String jdbcUrl, String user, String password, SqlCounter counter) {
    this.shape = shape;
    // Command-line arguments: they take precedence over application.yaml (default properties would not).
    List<String> arguments = new ArrayList<>();
    for (String property : List.of("spring.datasource.url=" + jdbcUrl, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password, "server.port=0", "partnership.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false", "partnership.mail.sender.enabled=false", "spring.mail.host=127.0.0.1",
        "logging.level.root=WARN", "partnership.intake.rate-limit.requests-per-minute=100000000")) {
      arguments.add("--" + property);
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      arguments.add("--spring.profiles.active=postgres");
    }
    this.context = new SpringApplicationBuilder(PartnershipOrchestratorApplication.class)
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource && name.equals("dataSource") ? counter.wrap(dataSource) : bean;
          }
        }))
        .run(arguments.toArray(String[]::new));
    this.engine = context.getBean(ProcessEngine.class);
    this.intake = context.getBean(ApplicationIntake.class);
    this.plans = context.getBean(PlanSubmissions.class);
    this.readiness = context.getBean(SectionReadinessReports.class);
    this.commitments = context.getBean(TeacherCommitments.class);
    this.evaluations = context.getBean(EvaluationSubmissions.class);
    this.phaseReports = context.getBean(PdPhaseReports.class);
    this.scheduling = context.getBean(WorkshopScheduling.class);
    this.tokens = context.getBean(DistrictAccessTokens.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    addFacilitator(engine.getIdentityService());
  }

  private static void addFacilitator(IdentityService identity) {
    if (identity.createUserQuery().userId("benchfacilitator").count() == 0) {
      User user = identity.newUser("benchfacilitator");
      user.setFirstName("Bench");
      user.setLastName("Facilitator");
      user.setPassword("benchfacilitator-password");
      identity.saveUser(user);
      identity.createMembership("benchfacilitator", StaffGroups.FACILITATORS);
    }
  }

  void close() {
    context.close();
  }

  /**
   * Refreshes the planner's statistics, as autovacuum has long done in a database that grew over
   * months. A bulk fill outruns it, and on stale statistics PostgreSQL once chose a plan that made
   * a message correlation take 72 ms per call.
   */
  void analyze() {
    SqlCounter.driver(() -> {
      jdbc.execute("ANALYZE");
      return null;
    });
  }

  long partnerships() {
    return SqlCounter.driver(() -> jdbc.queryForObject("SELECT COUNT(*) FROM partnership", Long.class));
  }

  @Override
  public ProcessEngine engine() {
    return engine;
  }

  @Override
  public String apply(int n, String schoolYear) {
    ApplicationIntake.Accepted accepted = intake.apply(shape.application(n, schoolYear));
    SqlCounter.driver(() -> {
      jdbc.query("SELECT id, course FROM teacher WHERE partnership_id = ?",
          row -> {
            courseOf.put(row.getLong(1), row.getString(2));
          }, accepted.id());
      return null;
    });
    return accepted.reference();
  }

  @Override
  public void answer(Autopilot.Waiting waiting) {
    String reference = waiting.reference();
    String token = tokens.tokenFor(reference, 1);
    switch (waiting.message()) {
      case "PlanSubmitted" -> plans.submit(reference, token, new PlanSections(
          "Computer science for every student by 2030", "CS in every school", "Family nights", "Local employers mentor"));
      case "SectionReadinessReported" -> readiness.report(reference, token, waiting.sectionId(),
          new SectionFacts("Period 2", "R-" + waiting.sectionId(), "CS-" + waiting.sectionId(), true, 50, true,
              new BigDecimal("60.00")));
      case "TeacherCommitmentReceived" -> commitments.answer(reference, token, waiting.teacherId(), new CommitmentAnswer(true));
      case "PdPhaseReported" -> phaseReports.reportOnlineCompletion(reference, waiting.teacherId(),
          waiting.phaseNumber(), new PhaseCompletion(ONLINE_HOURS.get(courseOf(waiting.teacherId()) + ":"
              + waiting.phaseNumber())));
      case "EvaluationDataSubmitted" -> evaluations.submit(reference, token, new EvaluationData(Shape.OFFERS.stream()
          .map(offer -> new EvaluationData.CourseCounts(offer[0], shape.sectionsPerCourse(), 30 * shape.sectionsPerCourse(),
              27 * shape.sectionsPerCourse())).toList()));
      default -> throw new IllegalStateException("The happy path does not expect " + waiting.message());
    }
  }

  @Override
  public String scheduleWorkshop(String course, int phase, List<Autopilot.Waiting> teachers, Instant firstSession) {
    List<SessionTimes> sessions = List.of(new SessionTimes(firstSession, firstSession.plus(Duration.ofHours(7))),
        new SessionTimes(firstSession.plus(Duration.ofDays(1)), firstSession.plus(Duration.ofDays(1)).plus(Duration.ofHours(7))));
    return scheduling.schedule(new WorkshopScheduling.Request(Course.valueOf(course), phase, course + " phase " + phase,
        "CA", "Bench Learning Center", teachers.size(), java.time.ZoneId.of("America/Los_Angeles"), sessions),
        "bench-pdmanager").getReference();
  }

  @Override
  public String courseOf(long teacherId) {
    return courseOf.get(teacherId);
  }
}
