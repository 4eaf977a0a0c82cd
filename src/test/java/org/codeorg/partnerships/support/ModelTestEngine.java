package org.codeorg.partnerships.support;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The shared set-up of the engine tests of one model ({@code @Deployment} of a BPMN and its forms):
 * the in-memory engine of {@code process-unit-test.cfg.xml} with mocks by name, 100 % element
 * coverage of the model asserted after the class, camunda-bpm-assert bound to that engine, and
 * after each test the mocks and the engine clock reset. Register it as
 * {@code @RegisterExtension static ModelTestEngine engine = new ModelTestEngine();}.
 *
 * <p>{@link ProcessEngineCoverageExtension} is final, so this delegates to one instead of extending it.
 */
public final class ModelTestEngine implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
    BeforeEachCallback, AfterEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

  private final ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension
      .builder("process-unit-test.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  public ProcessEngine processEngine() {
    return coverage.getProcessEngine();
  }

  /** Sets the engine clock (timers' due dates are compared with it). */
  public void travelTo(Instant instant) {
    DueJobs.travelTo(instant);
  }

  /** Moves the engine clock forward by {@code duration} and runs every job then due. */
  public void advance(Duration duration) {
    travelTo(ClockUtil.getCurrentTime().toInstant().plus(duration));
    runDueJobs();
  }

  /** Runs every job due at the engine clock's time, one at a time, as the job executor would. */
  public void runDueJobs() {
    DueJobs.run(processEngine().getManagementService());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    coverage.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    coverage.afterAll(context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    coverage.postProcessTestInstance(testInstance, context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(processEngine());
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    coverage.beforeTestExecution(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    coverage.afterTestExecution(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return coverage.supportsParameter(parameter, context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return coverage.resolveParameter(parameter, context);
  }
}
