package org.codeorg.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Where {@code partnership.demo.clock.enabled} is not true (the postgres and prod profiles set it false,
 * and refuse true: {@code ProductionProfileTest}) neither the clock nor its page exists, so
 * {@code /demo/clock} has no handler. A bare context of the two classes only, no application start.
 */
class DemoClockProfilesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(DemoClock.class, DemoClockPage.class, DemoClockOffset.class);

  @Test
  void noClockAndNoPageUnlessEnabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean(DemoClock.class).doesNotHaveBean(DemoClockPage.class)
        .doesNotHaveBean(DemoClockOffset.class));
    runner.withPropertyValues("partnership.demo.clock.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DemoClock.class).doesNotHaveBean(DemoClockPage.class)
            .doesNotHaveBean(DemoClockOffset.class));
  }

  @Test
  void noInAppMailServerUnlessEnabled() {
    new ApplicationContextRunner().withUserConfiguration(InAppMailServer.class)
        .withPropertyValues("partnership.demo.mail-server.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(InAppMailServer.class));
  }
}
