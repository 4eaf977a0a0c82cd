package org.codeorg.partnerships.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the H2 integration tests: the whole application on a random port,
 * default profile (demo users and sample partnerships, the demo clock), in-memory H2, real SMTP (GreenMail,
 * {@link TestSmtpServer}, which the admin's mailbox page reads through {@link TestMailbox}).
 * The outbox sender and the job executor are off: tests drive them by hand.
 * Every subclass shares this context, so keep its configuration here only.
 *
 * <p>Process test coverage is recorded by the engine tests ({@code @Deployment}), not here: the
 * coverage listener of the Spring integration is not initialised yet when the sample
 * partnerships start during context start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:partnerships-it;DB_CLOSE_DELAY=-1",
    "partnership.mail.sender.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    // The tests' own SMTP server (TestSmtpServer) instead of the in-process one; TestMailbox shows it on /demo/mailbox.
    "partnership.demo.mail-server.enabled=false",
    // The samples are there when the context is (the application starts them on a thread of its own).
    "partnership.demo.samples-in-background=false",
    // Every test client is 127.0.0.1; SecurityHardeningTest lowers the limit to test it.
    "partnership.intake.rate-limit.requests-per-minute=100000"
})
@Import(TestMailbox.class)
public abstract class SpringIntegrationTest {

  @Autowired
  protected ProcessEngine processEngine;

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestSmtpServer::port);
  }

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  @AfterEach
  void clearEngineAuthentication() {
    processEngine.getIdentityService().clearAuthentication();
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    reset();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
