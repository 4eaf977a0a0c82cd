package org.codeorg.partnerships.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The baseline: Camunda alone, with the project's BPMN models and forms deployed as they are,
 * every delegate and listener a no-op, no DMN evaluated and no project table. The few no-ops
 * that stand for a delegate the engine's gateways or timers read set that variable (the DMN's
 * phases, a deadline), so the bare engine walks the same graph as the application; the
 * district's answers are the same message correlations the application's services make.
 */
final class BareWorld implements Autopilot.World {

  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"");
  /** The PD track (pd-track.dmn) per course: the delivery of each phase. */
  private static final Map<String, List<String>> PHASES = Map.of(
      "ECS", List.of("ONLINE", "IN_PERSON", "IN_PERSON", "ONLINE"),
      "CSP", List.of("ONLINE", "IN_PERSON", "IN_PERSON", "ONLINE"),
      "CS_ALGEBRA", List.of("IN_PERSON", "IN_PERSON", "ONLINE"),
      "CSF", List.of("AFFILIATE"));

  private final Shape shape;
  private final HikariDataSource pool;
  private final ProcessEngine engine;
  private final AtomicLong ids = new AtomicLong(1);
  private final Map<Long, List<Long>> teachersOf = new ConcurrentHashMap<>();
  private final Map<Long, List<Long>> sectionsOf = new ConcurrentHashMap<>();
  private final Map<Long, Long> highSchoolOf = new ConcurrentHashMap<>();
  private final Map<Long, String> courseOf = new ConcurrentHashMap<>();
  private final Set<String> qualifiedCourses = new HashSet<>();

  BareWorld(Shape shape, String jdbcUrl, String user, String password, SqlCounter counter) {
    this.shape = shape;
    this.pool = new HikariDataSource();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(10);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + System.nanoTime());
    configuration.setDataSource(counter.wrap(pool));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setBeans(beans());
    // The attendance checklists are answered with a Spin Json variable, as the application's engine takes them.
    configuration.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
    this.engine = configuration.buildProcessEngine();
    deployModels();
  }

  @Override
  public ProcessEngine engine() {
    return engine;
  }

  void close() {
    engine.close();
    pool.close();
  }

  @Override
  public String apply(int n, String schoolYear) {
    long partnershipId = ids.getAndIncrement();
    List<Long> teachers = new ArrayList<>();
    for (String course : shape.teacherCourses()) {
      long teacherId = ids.getAndIncrement();
      teachers.add(teacherId);
      courseOf.put(teacherId, course);
    }
    List<Long> sections = new ArrayList<>();
    for (int s = 0; s < shape.sections(); s++) {
      sections.add(ids.getAndIncrement());
    }
    teachersOf.put(partnershipId, teachers);
    sectionsOf.put(partnershipId, sections);
    highSchoolOf.put(partnershipId, ids.getAndIncrement());
    String reference = "BARE-" + partnershipId;
    engine.getRuntimeService().startProcessInstanceByKey("partnership-lifecycle", reference,
        Map.of("partnershipId", partnershipId, "partnershipReference", reference,
            "applicationJson", org.camunda.bpm.engine.variable.Variables.stringValue("{}", true)));
    return reference;
  }

  @Override
  public void answer(Autopilot.Waiting waiting) {
    var correlation = engine.getRuntimeService().createMessageCorrelation(waiting.message());
    // As the application: a teacher's or a section's instance by its id, the partnership's by business key.
    if (waiting.message().equals("PlanSubmitted") || waiting.message().equals("EvaluationDataSubmitted")) {
      correlation.processInstanceBusinessKey(waiting.reference());
    } else {
      correlation.processInstanceId(waiting.processInstanceId());
    }
    switch (waiting.message()) {
      case "SectionReadinessReported" -> correlation.processInstanceVariableEquals("sectionId", waiting.sectionId());
      case "TeacherCommitmentReceived" -> correlation.processInstanceVariableEquals("teacherId", waiting.teacherId())
          .setVariable("teacherCommitment", "COMMITS");
      case "PdPhaseReported" -> correlation.processInstanceVariableEquals("teacherId", waiting.teacherId())
          .processInstanceVariableEquals("phaseNumber", waiting.phaseNumber())
          .setVariable("phaseAttended", true).setVariable("phaseHours", 10);
      default -> {
        // the plan and the evaluation data go to the partnership's one waiting instance
      }
    }
    correlation.correlateWithResult();
  }

  @Override
  public String scheduleWorkshop(String course, int phase, List<Autopilot.Waiting> teachers, Instant firstSession) {
    long workshopId = ids.getAndIncrement();
    String reference = "BARE-WS-" + workshopId;
    List<String> enrolled = teachers.stream().map(t -> t.processInstanceId() + "/" + t.teacherId()).toList();
    Instant lastSessionEnd = firstSession.plus(Duration.ofDays(1)).plus(Duration.ofHours(7));
    Map<String, Object> variables = new HashMap<>(Map.of(
        "reminderTenDaysAt", Date.from(firstSession.minus(Duration.ofDays(10))),
        "reminderThreeDaysAt", Date.from(firstSession.minus(Duration.ofDays(3))),
        "firstSessionAt", Date.from(firstSession),
        "closeReminderAt", Date.from(lastSessionEnd.plus(Duration.ofDays(2))),
        "sessionCount", 2,
        "workshopId", workshopId,
        "workshopReference", reference,
        "workshopTitle", course + " phase " + phase,
        "organizer", "bench-pdmanager"));
    variables.put("workshopCourse", course);
    variables.put("workshopPhase", phase);
    variables.put("enrolledTeachers", String.join(",", enrolled));
    engine.getRuntimeService().startProcessInstanceByKey("pd-workshop", reference, variables);
    return reference;
  }

  @Override
  public String courseOf(long teacherId) {
    return courseOf.get(teacherId);
  }

  /** The collections of the multi-instance activities ({@code ${pdParticipants…}}, {@code ${classroomSections…}}). */
  public final class Collections {

    public List<Long> secondaryTeachers(Number partnershipId) {
      return teachersOf.get(partnershipId.longValue()).stream().filter(t -> !courseOf.get(t).equals("CSF")).toList();
    }

    public List<Long> elementaryTeachers(Number partnershipId) {
      return teachersOf.get(partnershipId.longValue()).stream().filter(t -> courseOf.get(t).equals("CSF")).toList();
    }

    public List<Long> leadershipSchools(Number partnershipId) {
      return List.of(highSchoolOf.get(partnershipId.longValue()));
    }

    public List<Long> of(Number partnershipId) {
      return sectionsOf.get(partnershipId.longValue());
    }
  }

  /** A delegate, execution listener or task listener that does nothing but what the graph reads. */
  static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

    private final Consumer<DelegateExecution> sets;

    NoOp(Consumer<DelegateExecution> sets) {
      this.sets = sets;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sets.accept(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {
      sets.accept(execution);
    }

    @Override
    public void notify(DelegateTask task) {
      // no task listener sets anything the engine reads
    }
  }

  private Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    NoOp nothing = new NoOp(execution -> { });
    for (String name : beanNames()) {
      beans.put(name, nothing);
    }
    Collections collections = new Collections();
    beans.put("pdParticipants", collections);
    beans.put("classroomSections", collections);
    beans.put("recordPlanReview", new NoOp(e -> {
      e.setVariable("planRevisionRounds",
          e.getVariable("planRevisionRounds") == null ? 1 : (Integer) e.getVariable("planRevisionRounds") + 1);
      e.setVariable("escalatePlan", false);
    }));
    beans.put("startImplementation", new NoOp(e -> {
      e.setVariable("hasElementaryTeachers", true);
      e.setVariable("schoolYearEndsAt", Date.from(Instant.parse("2028-06-30T23:59:00Z")));
    }));
    beans.put("scheduleHourOfCode", new NoOp(e -> e.setVariable("hourOfCodeAt",
        Date.from(Instant.parse("2027-11-18T14:00:00Z")))));
    beans.put("sendSetupChecklist", new NoOp(e -> {
      Instant deadline = now().plus(Duration.ofDays(14));
      e.setVariable("readinessDeadline", Date.from(deadline));
      e.setVariable("escalationAt", Date.from(deadline.plus(Duration.ofDays(7))));
    }));
    beans.put("assessReadiness", new NoOp(e -> e.setVariable("readinessResult", "READY")));
    beans.put("requestTeacherCommitment", new NoOp(e -> e.setVariable("commitmentDeadline",
        Date.from(now().plus(Duration.ofDays(21))))));
    beans.put("enrolTeacherInPd", new NoOp(e -> {
      e.setVariable("phaseCount", phases(e).size());
      e.setVariable("phaseNumber", 0);
    }));
    beans.put("openNextPdPhase", new NoOp(e -> {
      int next = (Integer) e.getVariable("phaseNumber") + 1;
      e.setVariable("phaseNumber", next);
      e.setVariable("phaseDelivery", phases(e).get(next - 1));
      e.setVariable("phaseDueDate", Date.from(now().plus(Duration.ofDays(120))));
    }));
    beans.put("enrolSchoolLeaders", new NoOp(e -> {
      e.setVariable("leaderCount", 2);
      e.setVariable("programDate", Date.from(now().plus(Duration.ofDays(30))));
    }));
    beans.put("recordPdPhaseCompleted", new NoOp(e -> e.setVariable("morePhases",
        (Integer) e.getVariable("phaseNumber") < (Integer) e.getVariable("phaseCount"))));
    beans.put("assignFacilitator", new NoOp(e -> {
      boolean qualified = qualifiedCourses.contains((String) e.getVariable("workshopCourse"));
      e.setVariable("facilitator", qualified ? "benchfacilitator" : null);
      e.setVariable("facilitatorFound", qualified);
    }));
    beans.put("recordChosenFacilitator", new NoOp(e -> qualifiedCourses.add((String) e.getVariable("workshopCourse"))));
    beans.put("reportWorkshopAttendance", new NoOp(this::reportAttendance));
    beans.put("requestEvaluationData", new NoOp(e -> e.setVariable("evaluationDataDueAt",
        Date.from(now().plus(Duration.ofDays(30))))));
    return beans;
  }

  /** What the application's workshop close does: each enrolled teacher's PD hears of the phase. */
  private void reportAttendance(DelegateExecution execution) {
    for (String seat : ((String) execution.getVariable("enrolledTeachers")).split(",")) {
      String[] parts = seat.split("/");
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("PdPhaseReported")
          .processInstanceId(parts[0])
          .processInstanceVariableEquals("teacherId", Long.parseLong(parts[1]))
          .processInstanceVariableEquals("phaseNumber", execution.getVariable("workshopPhase"))
          .setVariable("phaseAttended", true).setVariable("phaseHours", 14)
          .correlateAllWithResult();
    }
  }

  private List<String> phases(DelegateExecution execution) {
    return PHASES.get(courseOf.get(((Number) execution.getVariable("teacherId")).longValue()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static Resource[] resources(String pattern) {
    try {
      return new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every bean a model names as delegate or listener. */
  private static Set<String> beanNames() {
    Set<String> names = new HashSet<>();
    for (Resource model : resources("classpath*:bpmn/*.bpmn")) {
      try {
        Matcher matcher = BEAN.matcher(model.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }

  private void deployModels() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
    for (String pattern : List.of("classpath*:bpmn/*.bpmn", "classpath*:forms/*.form")) {
      for (Resource resource : resources(pattern)) {
        try (var in = resource.getInputStream()) {
          deployment.addInputStream(resource.getFilename(), in);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    deployment.deploy();
  }
}
